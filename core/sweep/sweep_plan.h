#pragma once

#include <string>
#include <vector>

#include "train/run_config.h"

namespace shatter {

// A grid of runs that differ only in model, corruption mode and level (the paper's Figure 1):
// every point is the base config with those three replaced. A mode of "none" contributes one
// point (level 0) whatever the levels.
//
// Level 0 of every mode is the true data, so with a shared baseline (every new plan) a model
// gets one true-labels run (mode "none") in place of a level-0 run per mode, and Figure 1 uses
// it as level 0 of each mode (SweepSummary). Sweeps recorded before that have no shared
// baseline and keep their per-mode level-0 points, so that resuming them runs the same plan.
struct SweepPlan {
    RunConfig base;
    std::vector<std::string> models = {"mlp-1x512"};
    std::vector<CorruptionMode> modes = {CorruptionMode::Labels};
    std::vector<double> levels = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};
    bool sharedBaseline = true;

    // In order: for each model, its true-labels baseline (when a level is 0 or the mode "none"
    // is asked for), then for each corrupting mode each level above 0. Without a shared
    // baseline: for each model, for each mode, for each level.
    std::vector<RunConfig> points() const;
    // Throws ConfigError for an empty axis or a level outside [0, 1].
    void validate() const;
    // A point's name, used for its run folder: "<model>-<mode>-<percent>".
    static std::string pointName(const RunConfig& point);
};

}  // namespace shatter
