#include <csignal>
#include <cstdio>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "paper/table1_runner.h"

namespace shatter {

namespace {

Table1Runner* g_activeTable = nullptr;

extern "C" void cancelTableOnSignal(int) {
    // The current run stops after its batch, keeping its finished epochs; the rest are skipped.
    if (g_activeTable != nullptr) g_activeTable->cancelFromSignalHandler();
}

// Progress of the table and of each run, one line per epoch.
class Table1Printer : public SweepObserver {
public:
    void onPointStarted(int index, int count, const RunConfig& row,
                        const std::string& directory) override {
        std::fprintf(stderr, "[%d/%d] %s -> %s\n", index + 1, count, row.name.c_str(),
                     directory.c_str());
    }
    void onPointSkipped(int index, int count, const std::string& name) override {
        std::fprintf(stderr, "[%d/%d] %s already finished, skipped\n", index + 1, count,
                     name.c_str());
    }
    void onStarted(const RunStart& start) override { m_runPrinter.onStarted(start); }
    void onEpoch(const EpochReport& report) override { m_runPrinter.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_runPrinter.onFinished(summary); }

private:
    ProgressPrinter m_runPrinter{stderr};
};

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
        Table1Printer printer;
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
