#pragma once

#include <optional>
#include <string>
#include <vector>

#include "run/run_status.h"
#include "train/epoch_metrics.h"
#include "train/run_config.h"

namespace shatter {

// One run folder as the run library lists it. A folder that cannot be read is still listed,
// with readable false and the reason in `error`, so one broken run never hides the others.
struct RunEntry {
    std::string directory;    // the run folder
    std::string root;         // the library root it was found under
    std::string folderName;   // the run folder's own name
    std::string sweep;        // name of the sweep folder holding it; empty when none
    std::string displayName;  // config.json's "name" when set, else the folder name without
                              // its leading time stamp
    RunStatus status = RunStatus::Incomplete;  // meaningful only when readable
    std::string error;        // why the folder is unreadable, or why the run failed
    bool readable = false;
    RunConfig config;
    std::string settings;   // the key settings in one line: "mlp-1x512 · labels 100% · ..."
    std::string startedAt;  // ISO 8601, UTC; empty when unknown
    int epochCount = 0;     // finished epochs
    double trainAcc = NAN;  // final numbers, fractions in [0, 1]; NaN when there are none
    double testAcc = NAN;
    double gap = NAN;
    std::optional<int> epochsToFit;
    std::vector<EpochMetrics> epochs;  // every finished epoch, for the comparison plots
};

}  // namespace shatter
