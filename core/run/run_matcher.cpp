#include "run/run_matcher.h"

#include <algorithm>

#include "run/settings_diff.h"

namespace shatter {

bool RunMatcher::sameRun(const RunConfig& a, const RunConfig& b) {
    const std::vector<std::string> differing = SettingsDiff::differing({a, b});
    return std::all_of(differing.begin(), differing.end(),
                       [](const std::string& key) {
                           return key == "threads" || key == "device" || key == "cuda_graphs";
                       });
}

bool RunMatcher::standsFor(const RunEntry& entry, const RunConfig& config) {
    return entry.readable && entry.record.info.kind == "training" &&
           entry.status() == RunStatus::Finished && entry.epochCount() > 0 &&
           sameRun(entry.config(), config);
}

const RunEntry* RunMatcher::find(const RunConfig& config, const std::vector<RunEntry>& entries) {
    for (const RunEntry& entry : entries) {
        if (standsFor(entry, config)) return &entry;
    }
    return nullptr;
}

const RunEntry* RunMatcher::findTheory(const RunConfig& config, const std::string& kind,
                                       const std::vector<RunEntry>& entries) {
    for (const RunEntry& entry : entries) {
        if (entry.readable && entry.record.info.kind == kind && entry.status() == RunStatus::Finished &&
            sameRun(entry.config(), config))
            return &entry;
    }
    return nullptr;
}

}  // namespace shatter
