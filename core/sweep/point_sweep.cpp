#include "sweep/point_sweep.h"

#include <filesystem>
#include <set>

#include "shatter_error.h"
#include "sweep/point_folder.h"
#include "util/text_format.h"

namespace shatter {

namespace fs = std::filesystem;

std::string PointSweep::absolute(const std::string& directory) {
    std::error_code ec;
    const fs::path path = fs::absolute(directory, ec);
    return (ec ? fs::path(directory) : path).lexically_normal().string();
}

SweepRecord PointSweep::open(const SweepPlan& plan, const std::string& directory,
                             SweepExecutor executor) {
    SweepRecord record;
    const bool resuming = SweepRecord::exists(directory);
    if (resuming) record = SweepRecord::load(directory);
    // A resumed sweep keeps the level-0 rule it was planned with, so its points stay the same.
    const bool sharedBaseline = resuming ? record.plan.sharedBaseline : plan.sharedBaseline;
    record.plan = plan;
    record.plan.sharedBaseline = sharedBaseline;
    record.plan.validate();
    std::set<std::string> names;
    for (const RunConfig& point : record.plan.points()) {
        if (!names.insert(point.name).second) {
            throw ConfigError(
                "sweep: two points are both named " + point.name +
                " (levels closer than 0.01 apart?); each point needs its own run folder");
        }
    }
    std::error_code ec;
    fs::create_directories(directory, ec);
    if (ec)
        throw RunStoreError(directory + ": cannot create the sweep folder (" + ec.message() + ")");

    if (!resuming) record.createdAt = utcNow("%Y-%m-%dT%H:%M:%SZ");
    record.executor = executor;
    refreshRecord(directory, record);
    return record;
}

void PointSweep::refreshRecord(const std::string& directory, SweepRecord& record) {
    record.points.clear();
    for (const RunConfig& point : record.plan.points()) {
        const std::optional<RunStatus> status = PointFolder(directory, point.name).runStatus();
        // A point that has not ended yet counts as running, as in a sweep run in one process.
        const RunStatus shown = status && isEnded(*status) && *status != RunStatus::Incomplete
                                    ? *status
                                    : RunStatus::Running;
        record.points.push_back({point.name, point.name, shown});
    }
    record.save(directory);
}

void PointSweep::retireUnfinished(const std::string& directory, const SweepStatus& status,
                                  const std::vector<int>& indices) {
    for (int index : indices) {
        const SweepStatus::Point& point = status.points.at(static_cast<std::size_t>(index));
        const PointFolder folder(directory, point.name);
        if (folder.exists() && folder.runStatus() != RunStatus::Finished) folder.retire();
    }
}

}  // namespace shatter
