#include "sweep/sweep_matcher.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "run/run_matcher.h"
#include "shatter_error.h"
#include "sweep/sweep_record.h"

namespace shatter {

bool SweepMatcher::samePoints(const SweepPlan& a, const SweepPlan& b) {
    const std::vector<RunConfig> left = a.points();
    const std::vector<RunConfig> right = b.points();
    if (left.size() != right.size()) return false;
    return std::all_of(left.begin(), left.end(), [&right](const RunConfig& point) {
        return std::any_of(right.begin(), right.end(),
                           [&point](const RunConfig& other) { return RunMatcher::sameRun(point, other); });
    });
}

std::string SweepMatcher::resumable(const SweepPlan& plan, const std::vector<RunEntry>& entries) {
    std::set<std::string> tried;
    for (const RunEntry& entry : entries) {
        if (entry.sweep.empty()) continue;
        const std::string folder = std::filesystem::path(entry.directory).parent_path().string();
        if (!tried.insert(folder).second) continue;
        try {
            if (samePoints(SweepRecord::load(folder).plan, plan)) return folder;
        } catch (const ShatterError&) {
            // A sweep folder without a readable sweep.json is no sweep to resume.
        }
    }
    return {};
}

}  // namespace shatter
