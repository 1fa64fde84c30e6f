#pragma once

#include <string>
#include <vector>

#include "train/run_config.h"

namespace shatter {

// A grid of runs that differ only in model, corruption mode and level (the paper's Figure 1):
// every point is the base config with those three replaced. A mode of "none" contributes one
// point (level 0) whatever the levels.
struct SweepPlan {
    RunConfig base;
    std::vector<std::string> models = {"mlp-1x512"};
    std::vector<CorruptionMode> modes = {CorruptionMode::Labels};
    std::vector<double> levels = {0.0, 0.2, 0.4, 0.6, 0.8, 1.0};

    // In order: for each model, for each mode, for each level.
    std::vector<RunConfig> points() const;
    // Throws ConfigError for an empty axis or a level outside [0, 1].
    void validate() const;
    // A point's name, used for its run folder: "<model>-<mode>-<percent>".
    static std::string pointName(const RunConfig& point);
};

}  // namespace shatter
