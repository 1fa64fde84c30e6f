#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "pipeline/run_pipeline.h"

namespace shatter {

namespace {

RunPipeline* g_activeRun = nullptr;

extern "C" void stopOnSignal(int) {
    // Only atomic stores: safe inside a signal handler. The run ends after the current batch
    // and its directory keeps every finished epoch.
    if (g_activeRun != nullptr) g_activeRun->requestStopFromSignalHandler();
}

// Prints the run's progress. Once the run folder exists, Ctrl-C and SIGTERM stop the run
// instead of ending the process, so that the folder gets its summary.
class InterruptibleRunPrinter : public ProgressPrinter {
public:
    explicit InterruptibleRunPrinter(RunPipeline& pipeline)
        : ProgressPrinter(stderr), m_pipeline(pipeline) {}
    ~InterruptibleRunPrinter() override {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        g_activeRun = nullptr;
    }

    void onRunDirectory(const std::string&) override {
        g_activeRun = &m_pipeline;
        std::signal(SIGINT, stopOnSignal);
        std::signal(SIGTERM, stopOnSignal);
    }

private:
    RunPipeline& m_pipeline;
};

}  // namespace

int runTrainCommand(const RunOptions& options, const std::string& outRoot) {
    RunPipeline pipeline(options.resolve(), outRoot);
    RunSummary summary;
    {
        InterruptibleRunPrinter printer(pipeline);
        summary = pipeline.run(printer);
    }
    std::printf("%s\n", pipeline.directory().c_str());
    switch (summary.status) {
        case RunStatus::Finished: return kExitOk;
        case RunStatus::Stopped: return kExitStopped;
        case RunStatus::Diverged: return kExitDiverged;
        default: return kExitFailed;
    }
}

}  // namespace shatter
