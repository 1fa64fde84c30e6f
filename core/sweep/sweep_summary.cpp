#include "sweep/sweep_summary.h"

#include <algorithm>
#include <map>

namespace shatter {

SweepSummary SweepSummary::fromRuns(const std::vector<RunRecord>& runs) {
    // Level 0 of a model: a true-label run, or a corrupted run at level 0.
    std::map<std::string, const RunRecord*> baselineByModel;
    std::map<std::pair<std::string, CorruptionMode>, std::vector<const RunRecord*>> byKey;
    for (const RunRecord& run : runs) {
        const RunConfig& c = run.config;
        const bool isBaseline = c.effectiveLevel() == 0.0;
        if (isBaseline && !baselineByModel.count(c.model)) baselineByModel[c.model] = &run;
        if (c.corruption != CorruptionMode::None) byKey[{c.model, c.corruption}].push_back(&run);
    }
    // A model with only true-label runs still gets a series (of one point).
    for (const auto& [model, baseline] : baselineByModel) {
        bool hasSeries = false;
        for (const auto& entry : byKey) hasSeries = hasSeries || entry.first.first == model;
        if (!hasSeries) byKey[{model, CorruptionMode::Labels}];
    }

    SweepSummary summary;
    for (auto& [key, members] : byKey) {
        Series series;
        series.model = key.first;
        series.mode = key.second;
        const RunRecord* baseline = baselineByModel.count(key.first) ? baselineByModel[key.first] : nullptr;
        // The model's level-0 run stands in for a mode's level 0 unless the mode has its own.
        const bool hasLevelZero =
            std::any_of(members.begin(), members.end(),
                        [](const RunRecord* run) { return run->config.effectiveLevel() == 0.0; });
        if (baseline != nullptr && !hasLevelZero) {
            members.push_back(baseline);
        }
        std::sort(members.begin(), members.end(), [](const RunRecord* a, const RunRecord* b) {
            return a->config.effectiveLevel() < b->config.effectiveLevel();
        });
        const int baseEpochs = baseline != nullptr ? baseline->summary.epochsToFit.value_or(0) : 0;
        for (const RunRecord* run : members) {
            Point point;
            point.level = run->config.effectiveLevel();
            point.epochsToFit = run->summary.epochsToFit;
            if (point.epochsToFit && baseEpochs > 0) {
                point.slowdown = static_cast<double>(*point.epochsToFit) / baseEpochs;
            }
            point.testError = 1.0 - run->summary.testAcc;
            point.runDirectory = run->directory;
            series.points.push_back(point);
        }
        summary.series.push_back(series);
    }
    return summary;
}

}  // namespace shatter
