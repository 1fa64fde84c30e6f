#pragma once

#include <functional>
#include <string>

#include "cli/progress_printer.h"
#include "sweep/sweep_runner.h"

namespace shatter {

// Progress of a series of runs (a sweep, Table 1's rows) on stderr: a line when each starts or
// is skipped, then each run's epochs as ProgressPrinter prints them. `nameOf` says what a run is
// called in the "[k/N] name -> folder" line.
class SweepProgressPrinter : public SweepObserver {
public:
    explicit SweepProgressPrinter(std::function<std::string(const RunConfig&)> nameOf);

    void onPointStarted(int index, int count, const RunConfig& point, const std::string& directory) override;
    void onPointSkipped(int index, int count, const std::string& name) override;
    void onStarted(const RunStart& start) override { m_runPrinter.onStarted(start); }
    void onEpoch(const EpochReport& report) override { m_runPrinter.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_runPrinter.onFinished(summary); }

private:
    std::function<std::string(const RunConfig&)> m_nameOf;
    ProgressPrinter m_runPrinter{stderr};
};

}  // namespace shatter
