#include <cmath>
#include <csignal>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/sweep_progress_printer.h"
#include "corruption/corruption_level.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "slurm/slurm_sweep.h"
#include "sweep/process_sweep_runner.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_summary.h"

namespace shatter {

namespace {

SweepRunner* g_activeSweep = nullptr;
ProcessSweepRunner* g_activeWorkers = nullptr;

extern "C" void cancelOnSignal(int) {
    // The current run stops after its batch, keeping its finished epochs; the rest are skipped.
    if (g_activeSweep != nullptr) g_activeSweep->cancelFromSignalHandler();
    // Workers are asked to stop (SIGTERM) and keep their finished epochs the same way.
    if (g_activeWorkers != nullptr) g_activeWorkers->cancel();
}

// Worker processes report only when a point starts and ends.
class WorkerPrinter : public SweepObserver {
public:
    void onPointStarted(int index, int count, const RunConfig& point,
                        const std::string& directory) override {
        std::fprintf(stderr, "[%d/%d] %s started -> %s\n", index + 1, count, point.name.c_str(),
                     directory.c_str());
    }
    void onPointSkipped(int index, int count, const std::string& name) override {
        std::fprintf(stderr, "[%d/%d] %s already finished, skipped\n", index + 1, count,
                     name.c_str());
    }
    void onPointFinished(int index, int count, const RunSummary& summary) override {
        std::fprintf(stderr, "[%d/%d] %s: train %.4f test %.4f after %d epochs%s%s\n", index + 1,
                     count, toString(summary.status).c_str(), summary.trainAcc, summary.testAcc,
                     summary.epochs, summary.message.empty() ? "" : " - ", summary.message.c_str());
    }
};

SweepPlan planFrom(const RunOptions& options, const SweepOptions& sweep) {
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
    return plan;
}

int submitToSlurm(const SweepPlan& plan, const SweepOptions& sweep) {
    SlurmOptions slurm = sweep.slurm;
    if (slurm.shatterCli.empty()) slurm.shatterCli = shatterCliPath();
    const SlurmSweep::Submission submission = SlurmSweep::submit(plan, sweep.out, slurm);
    const std::size_t count = plan.points().size();
    if (submission.jobId.empty()) {
        std::fprintf(stderr, "%zu points: %d finished, %d queued or running; nothing to submit\n",
                     count, submission.finished, submission.inFlight);
        return kExitOk;
    }
    std::fprintf(stderr,
                 "submitted %zu of %zu points as Slurm array job %s (%d finished, %d still queued "
                 "or running)\n",
                 submission.indices.size(), count, submission.jobId.c_str(), submission.finished,
                 submission.inFlight);
    std::fprintf(stderr, "follow it with: shatter-cli sweep --status %s\n",
                 submission.directory.c_str());
    std::printf("%s\n", submission.jobId.c_str());
    return kExitOk;
}

// Runs a sweep that Ctrl-C and SIGTERM cancel; `active` is where the signal handler finds it.
template <typename Runner, typename Printer>
SweepRecord runCancellable(Runner& runner, Printer& printer, Runner*& active) {
    active = &runner;
    std::signal(SIGINT, cancelOnSignal);
    std::signal(SIGTERM, cancelOnSignal);
    SweepRecord record = runner.run(printer);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    active = nullptr;
    return record;
}

}  // namespace

int runSweepCommand(const RunOptions& options, const SweepOptions& sweep) {
    const SweepPlan plan = planFrom(options, sweep);
    if (sweep.executor == "slurm") return submitToSlurm(plan, sweep);

    SweepRecord record;
    bool cancelled = false;
    if (sweep.processes > 1) {
        ProcessSweepRunner runner(plan, sweep.out, sweep.processes, shatterCliPath());
        WorkerPrinter printer;
        record = runCancellable(runner, printer, g_activeWorkers);
        cancelled = runner.cancelled();
    } else {
        SweepRunner runner(plan, sweep.out);
        SweepProgressPrinter printer(SweepPlan::pointName);
        record = runCancellable(runner, printer, g_activeSweep);
        cancelled = runner.cancelled();
    }

    std::vector<RunRecord> runs;
    for (const SweepRecord::Point& point : record.points) {
        try {
            runs.push_back(
                RunReader::load((std::filesystem::path(sweep.out) / point.directory).string()));
        } catch (const RunStoreError& error) {
            std::fprintf(stderr, "%s\n", error.what());  // a point that never started
        }
    }
    const SweepSummary summary = SweepSummary::fromRuns(runs);
    std::printf("%-14s %-16s %6s %13s %9s %10s\n", "model", "mode", "level", "epochs_to_fit",
                "slowdown", "test_error");
    for (const SweepSummary::Series& series : summary.series) {
        for (const SweepSummary::Point& point : series.points) {
            std::printf(
                "%-14s %-16s %6.2f %13s %9s %10.4f\n", series.model.c_str(),
                corruptionModeKey(series.mode).c_str(), point.level,
                point.epochsToFit ? std::to_string(*point.epochsToFit).c_str() : "-",
                point.slowdown
                    ? (std::to_string(std::lround(*point.slowdown * 100) / 100.0).substr(0, 4))
                          .c_str()
                    : "-",
                point.testError);
        }
    }
    std::printf("%s\n", (std::filesystem::path(sweep.out) / SweepRecord::kFileName).c_str());
    return cancelled ? kExitStopped : kExitOk;
}

}  // namespace shatter
