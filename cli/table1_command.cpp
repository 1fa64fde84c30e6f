#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/sweep_progress_printer.h"
#include "paper/table1_runner.h"

namespace shatter {

namespace {

Table1Runner* g_activeTable = nullptr;

extern "C" void cancelTableOnSignal(int) {
    // The current run stops after its batch, keeping its finished epochs; the rest are skipped.
    if (g_activeTable != nullptr) g_activeTable->cancelFromSignalHandler();
}

}  // namespace

int runTable1Command(const Table1Options& options) {
    Table1Runner::Plan plan;
    plan.rows = options.rows;
    plan.dataset = options.dataset;
    plan.trainSize = options.trainSize;
    plan.epochs = options.epochs;
    plan.threads = options.threads;
    Table1Runner runner(plan, options.out);
    if (!options.printOnly) {
        SweepProgressPrinter printer([](const RunConfig& row) { return row.name; });
        g_activeTable = &runner;
        std::signal(SIGINT, cancelTableOnSignal);
        runner.run(printer);
        std::signal(SIGINT, SIG_DFL);
        g_activeTable = nullptr;
    }
    std::printf("%s", PaperComparison::format(Table1Runner::compareFolder(options.out)).c_str());
    return runner.cancelled() ? kExitStopped : kExitOk;
}

}  // namespace shatter
