#include "sweep/sweep_plan.h"

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
    for (const std::string& model : models) {
        for (CorruptionMode mode : modes) {
            const std::vector<double> modeLevels = mode == CorruptionMode::None ? std::vector<double>{0.0} : levels;
            for (double level : modeLevels) {
                RunConfig point = base;
                point.model = model;
                point.corruption = mode;
                point.level = level;
                // The paper's default learning rate belongs to the model, unless one was set.
                point.name = pointName(point);
                result.push_back(point);
            }
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
