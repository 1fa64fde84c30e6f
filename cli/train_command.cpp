#include <atomic>
#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "pipeline/run_pipeline.h"

namespace shatter {

namespace {

std::atomic<RunPipeline*> g_activeRun{nullptr};
volatile std::sig_atomic_t g_stopRequested = 0;

extern "C" void stopOnSignal(int) {
    // Only atomic stores: safe inside a signal handler. The run ends after the current batch
    // and its directory keeps every finished epoch.
    g_stopRequested = 1;
    if (RunPipeline* run = g_activeRun.load()) run->requestStopFromSignalHandler();
}

// Ctrl-C and SIGTERM stop the run instead of ending the process, from before any work starts:
// a signal during start-up ends the run as "stopped" with its folder complete.
class StopOnSignals {
public:
    StopOnSignals() {
        std::signal(SIGINT, stopOnSignal);
        std::signal(SIGTERM, stopOnSignal);
    }
    ~StopOnSignals() {
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        g_activeRun = nullptr;
    }
    StopOnSignals(const StopOnSignals&) = delete;
    StopOnSignals& operator=(const StopOnSignals&) = delete;

    void attach(RunPipeline& pipeline) {
        g_activeRun = &pipeline;
        if (g_stopRequested) pipeline.requestStop();  // a signal that came before the pipeline
    }
};

}  // namespace

int runTrainCommand(const RunOptions& options, const std::string& outRoot) {
    StopOnSignals signals;
    RunPipeline pipeline(options.resolve(), outRoot);
    signals.attach(pipeline);
    ProgressPrinter printer(stderr);
    const RunSummary summary = pipeline.run(printer);
    std::printf("%s\n", pipeline.directory().c_str());
    switch (summary.status) {
        case RunStatus::Finished: return kExitOk;
        case RunStatus::Stopped: return kExitStopped;
        case RunStatus::Diverged: return kExitDiverged;
        default: return kExitFailed;
    }
}

}  // namespace shatter
