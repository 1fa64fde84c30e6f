#include "sweep/sweep_plan.h"

#include <algorithm>

#include "corruption/corruption_level.h"
#include "shatter_error.h"

namespace shatter {

void SweepPlan::validate() const {
    if (models.empty()) throw ConfigError("sweep: no models given");
    if (modes.empty()) throw ConfigError("sweep: no corruption modes given");
    if (levels.empty()) throw ConfigError("sweep: no levels given");
    for (double level : levels) {
        if (!(level >= 0.0 && level <= 1.0)) {
            throw ConfigError("sweep: level " + std::to_string(level) + " is outside [0, 1]");
        }
    }
    for (const RunConfig& point : points()) point.validate();
}

std::vector<RunConfig> SweepPlan::points() const {
    std::vector<RunConfig> result;
    auto add = [&](const std::string& model, CorruptionMode mode, double level) {
        RunConfig point = base;
        point.model = model;
        point.corruption = mode;
        point.level = level;
        // The paper's default learning rate belongs to the model, unless one was set.
        point.name = pointName(point);
        result.push_back(point);
    };
    const bool hasZero = std::find(levels.begin(), levels.end(), 0.0) != levels.end();
    const bool asksNone = std::find(modes.begin(), modes.end(), CorruptionMode::None) != modes.end();
    for (const std::string& model : models) {
        if (sharedBaseline) {
            if (hasZero || asksNone) add(model, CorruptionMode::None, 0.0);
            for (CorruptionMode mode : modes) {
                if (mode == CorruptionMode::None) continue;
                for (double level : levels) {
                    if (level > 0.0) add(model, mode, level);
                }
            }
            continue;
        }
        for (CorruptionMode mode : modes) {
            const std::vector<double> modeLevels = mode == CorruptionMode::None ? std::vector<double>{0.0} : levels;
            for (double level : modeLevels) add(model, mode, level);
        }
    }
    return result;
}

std::string SweepPlan::pointName(const RunConfig& point) {
    std::string name = point.model + "-" + corruptionModeKey(point.corruption);
    if (point.corruption != CorruptionMode::None) {
        name += "-" + std::to_string(levelPercent(point.level));
    }
    return name;
}

}  // namespace shatter
