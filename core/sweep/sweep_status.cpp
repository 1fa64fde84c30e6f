#include "sweep/sweep_status.h"

#include <algorithm>

#include "sweep/point_folder.h"

namespace shatter {

namespace {

PointState fromSchedulerEnd(const std::string& state) {
    if (state == "CANCELLED") return PointState::Cancelled;
    return PointState::Failed;  // FAILED, TIMEOUT, NODE_FAIL, OUT_OF_MEMORY, PREEMPTED,
                                // COMPLETED...
}

}  // namespace

PointState SweepStatus::decide(std::optional<RunStatus> runStatus,
                               std::optional<std::string> schedulerState, bool submitted,
                               bool jobKnown) {
    if (runStatus == RunStatus::Finished) return PointState::Finished;
    if (schedulerState && SlurmQueue::isActive(*schedulerState)) return PointState::Running;
    if (schedulerState && SlurmQueue::isQueued(*schedulerState)) {
        // A requeued task may have left a run folder behind; it is still waiting to run.
        return PointState::Pending;
    }
    if (runStatus) {
        switch (*runStatus) {
            case RunStatus::Stopped:
                return PointState::Cancelled;
            case RunStatus::Failed:
            case RunStatus::Diverged:
                return PointState::Failed;
            default:
                break;  // Incomplete (or Running): the process ended without a summary
        }
        if (schedulerState) return fromSchedulerEnd(*schedulerState);
        return PointState::Incomplete;
    }
    if (schedulerState) return fromSchedulerEnd(*schedulerState);
    // Submitted, no run folder, and the task is no longer listed: while the job is still known
    // that means it was cancelled before it started.
    if (submitted && jobKnown) return PointState::Cancelled;
    return PointState::NotRun;
}

SweepStatus SweepStatus::of(const std::string& sweepDirectory, const SweepRecord& record,
                            const SlurmQueue& queue) {
    SweepStatus status;
    const std::vector<RunConfig> points = record.plan.points();
    for (std::size_t i = 0; i < points.size(); ++i) {
        Point point;
        point.index = static_cast<int>(i);
        point.name = points[i].name;
        const PointFolder folder(sweepDirectory, point.name);
        point.runStatus = folder.runStatus();
        if (point.runStatus) point.directory = folder.path();
        std::optional<std::string> schedulerState;
        bool jobKnown = false;
        const SlurmJob* job = record.lastJobFor(point.index);
        if (job != nullptr) {
            point.task = job->id + "_" + std::to_string(point.index);
            schedulerState = queue.taskState(job->id, point.index);
            jobKnown = queue.knowsJob(job->id);
            point.schedulerState = schedulerState.value_or("");
        }
        point.state = decide(point.runStatus, schedulerState, job != nullptr, jobKnown);
        status.points.push_back(point);
    }
    return status;
}

SweepStatus SweepStatus::fromFolders(const std::string& sweepDirectory, const SweepRecord& record) {
    return of(sweepDirectory, record, SlurmQueue{});
}

int SweepStatus::count(PointState state) const {
    return static_cast<int>(
        std::count_if(points.begin(), points.end(),
                      [state](const Point& point) { return point.state == state; }));
}

std::vector<int> SweepStatus::toResubmit() const {
    std::vector<int> indices;
    for (const Point& point : points) {
        if (point.state != PointState::Finished && point.state != PointState::Pending &&
            point.state != PointState::Running) {
            indices.push_back(point.index);
        }
    }
    return indices;
}

}  // namespace shatter
