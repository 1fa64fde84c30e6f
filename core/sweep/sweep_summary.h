#pragma once

#include <optional>
#include <string>
#include <vector>

#include "corruption/corruption_mode.h"
#include "run/run_record.h"

namespace shatter {

// The numbers behind the paper's Figure 1 (b) and (c), from a set of runs: for each model and
// corruption mode, per level, the epochs needed to fit (train accuracy >= the run's fit
// threshold), the slowdown relative to level 0 of the same model (true labels), and the final
// test error.
struct SweepSummary {
    struct Point {
        double level = 0.0;
        std::optional<int> epochsToFit;
        std::optional<double> slowdown;  // epochsToFit / epochsToFit at level 0
        double testError = 0.0;          // 1 - final test accuracy
        std::string runDirectory;
    };
    struct Series {
        std::string model;
        CorruptionMode mode = CorruptionMode::Labels;
        std::vector<Point> points;       // ascending level
    };
    std::vector<Series> series;

    // Runs of mode "none" count as level 0 of every mode of the same model.
    static SweepSummary fromRuns(const std::vector<RunRecord>& runs);
};

}  // namespace shatter
