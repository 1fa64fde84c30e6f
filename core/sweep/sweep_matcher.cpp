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

std::vector<std::string> SweepMatcher::sameSweeps(const SweepPlan& plan, const std::vector<RunEntry>& entries) {
    std::vector<std::string> folders;
    std::set<std::string> tried;
    for (const RunEntry& entry : entries) {
        if (entry.sweep.empty()) continue;
        const std::string folder = std::filesystem::path(entry.directory).parent_path().string();
        if (!tried.insert(folder).second) continue;
        try {
            if (samePoints(SweepRecord::load(folder).plan, plan)) folders.push_back(folder);
        } catch (const ShatterError&) {
            // A sweep folder without a readable sweep.json is no sweep to resume.
        }
    }
    return folders;
}

std::string SweepMatcher::resumable(const SweepPlan& plan, const std::vector<RunEntry>& entries) {
    const std::vector<std::string> folders = sameSweeps(plan, entries);
    return folders.empty() ? std::string() : folders.front();
}

std::string SweepMatcher::complete(const SweepPlan& plan, const std::vector<RunEntry>& entries) {
    for (const std::string& folder : sameSweeps(plan, entries)) {
        std::vector<RunEntry> inFolder;
        for (const RunEntry& entry : entries) {
            if (std::filesystem::path(entry.directory).parent_path().string() == folder) inFolder.push_back(entry);
        }
        const std::vector<RunConfig> points = plan.points();
        if (std::all_of(points.begin(), points.end(),
                        [&inFolder](const RunConfig& point) { return RunMatcher::find(point, inFolder) != nullptr; })) {
            return folder;
        }
    }
    return {};
}

}  // namespace shatter
