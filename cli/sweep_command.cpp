#include <csignal>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "corruption/corruption_level.h"
#include "run/run_reader.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_summary.h"

namespace shatter {

namespace {

SweepRunner* g_activeSweep = nullptr;

extern "C" void cancelOnSignal(int) {
    // The current run stops after its batch, keeping its finished epochs; the rest are skipped.
    if (g_activeSweep != nullptr) g_activeSweep->cancelFromSignalHandler();
}

// Progress of the sweep and of each run, one line per epoch.
class SweepPrinter : public SweepObserver {
public:
    void onPointStarted(int index, int count, const RunConfig& point, const std::string& directory) override {
        std::fprintf(stderr, "[%d/%d] %s -> %s\n", index + 1, count, SweepPlan::pointName(point).c_str(),
                     directory.c_str());
    }
    void onPointSkipped(int index, int count, const std::string& name) override {
        std::fprintf(stderr, "[%d/%d] %s already finished, skipped\n", index + 1, count, name.c_str());
    }
    void onStarted(const RunStart& start) override { m_runPrinter.onStarted(start); }
    void onEpoch(const EpochReport& report) override { m_runPrinter.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_runPrinter.onFinished(summary); }

private:
    ProgressPrinter m_runPrinter{stderr};
};

}  // namespace

int runSweepCommand(const RunOptions& options, const SweepOptions& sweep) {
    SweepPlan plan;
    plan.base = options.resolve();
    if (!sweep.models.empty()) plan.models = sweep.models;
    if (!sweep.levels.empty()) {
        std::string text;
        for (const std::string& part : sweep.levels) text += part + ",";
        plan.levels = parseLevelList(text);
    }
    if (!sweep.modes.empty()) {
        plan.modes.clear();
        for (const std::string& key : sweep.modes) plan.modes.push_back(parseCorruptionMode(key));
    }

    SweepRunner runner(plan, sweep.out);
    SweepPrinter printer;
    g_activeSweep = &runner;
    std::signal(SIGINT, cancelOnSignal);
    std::signal(SIGTERM, cancelOnSignal);
    const SweepRecord record = runner.run(printer);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_activeSweep = nullptr;

    std::vector<RunRecord> runs;
    for (const SweepRecord::Point& point : record.points) {
        runs.push_back(RunReader::load((std::filesystem::path(sweep.out) / point.directory).string()));
    }
    const SweepSummary summary = SweepSummary::fromRuns(runs);
    std::printf("%-14s %-16s %6s %13s %9s %10s\n", "model", "mode", "level", "epochs_to_fit", "slowdown", "test_error");
    for (const SweepSummary::Series& series : summary.series) {
        for (const SweepSummary::Point& point : series.points) {
            std::printf("%-14s %-16s %6.2f %13s %9s %10.4f\n", series.model.c_str(),
                        corruptionModeKey(series.mode).c_str(), point.level,
                        point.epochsToFit ? std::to_string(*point.epochsToFit).c_str() : "-",
                        point.slowdown ? (std::to_string(std::lround(*point.slowdown * 100) / 100.0).substr(0, 4)).c_str() : "-",
                        point.testError);
        }
    }
    std::printf("%s\n", (std::filesystem::path(sweep.out) / SweepRecord::kFileName).c_str());
    return runner.cancelled() ? kExitStopped : kExitOk;
}

}  // namespace shatter
