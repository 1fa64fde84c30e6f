#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "run/run_writer.h"
#include "train/observer_fanout.h"
#include "train/run_preparation.h"
#include "train/trainer.h"

namespace shatter {

namespace {

Trainer* g_activeTrainer = nullptr;

extern "C" void stopOnSignal(int) {
    // Only an atomic store: safe inside a signal handler. The run ends after the current batch
    // and its directory keeps every finished epoch.
    if (g_activeTrainer != nullptr) g_activeTrainer->requestStop();
}

}  // namespace

int runTrainCommand(const RunOptions& options, const std::string& outRoot) {
    const RunConfig config = options.resolve();
    std::fprintf(stderr, "loading %s ...\n", config.dataset.c_str());
    const Dataset dataset = RunPreparation::loadDataset(config);
    const CorruptedDataset data = RunPreparation::prepare(config, dataset);

    RunWriter writer(outRoot, config, data, dataset.name);
    ProgressPrinter printer(stderr);
    ObserverFanout observers;
    observers.add(writer);
    observers.add(printer);

    Trainer trainer(config, data);
    g_activeTrainer = &trainer;
    std::signal(SIGINT, stopOnSignal);
    std::signal(SIGTERM, stopOnSignal);
    const RunSummary summary = trainer.run(observers);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_activeTrainer = nullptr;

    std::printf("%s\n", writer.directory().c_str());
    switch (summary.status) {
        case RunStatus::Finished: return kExitOk;
        case RunStatus::Stopped: return kExitStopped;
        case RunStatus::Diverged: return kExitDiverged;
        default: return kExitFailed;
    }
}

}  // namespace shatter
