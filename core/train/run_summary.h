#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "run/run_status.h"

namespace shatter {

// How a run ended: summary.json.
struct RunSummary {
    RunStatus status = RunStatus::Finished;
    int epochs = 0;                   // finished epochs
    double trainAcc = 0.0;
    double testAcc = 0.0;
    double gap = 0.0;
    std::optional<int> epochsToFit;   // first epoch with train accuracy >= the fit threshold
    double samplesPerSecond = 0.0;    // mean over the finished epochs
    std::int64_t parameters = 0;
    std::string message;              // why a run failed or diverged, short enough to show
    std::string diagnostic;           // the full report behind a failure (a LibTorch stack
                                      // trace) for error.log; never shown in a dialog
};

}  // namespace shatter
