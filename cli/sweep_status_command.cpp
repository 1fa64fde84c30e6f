#include <cstdio>

#include "cli/commands.h"
#include "shatter_error.h"
#include "slurm/slurm_sweep.h"
#include "sweep/sweep_record.h"
#include "sweep/sweep_status.h"

namespace shatter {

namespace {

// A sweep run in one process names its run folders by time; its sweep.json has their status.
SweepStatus fromRecord(const SweepRecord& record, const std::string& directory) {
    SweepStatus status;
    int index = 0;
    for (const RunConfig& config : record.plan.points()) {
        SweepStatus::Point point;
        point.index = index++;
        point.name = config.name;
        if (const SweepRecord::Point* entry = record.find(config.name)) {
            point.directory = directory + "/" + entry->directory;
            point.runStatus = entry->status;
            point.state = SweepStatus::decide(entry->status, std::nullopt, false, false);
        }
        status.points.push_back(point);
    }
    return status;
}

}  // namespace

int runSweepStatusCommand(const std::string& directory) {
    const SweepRecord record = SweepRecord::load(directory);
    SweepStatus status;
    if (record.executor == SweepExecutor::Slurm) {
        try {
            status = SlurmSweep::status(directory);
        } catch (const SchedulerError& error) {
            std::fprintf(stderr, "shatter-cli: %s; showing the run folders only\n", error.what());
            status = SweepStatus::fromFolders(directory, record);
        }
    } else if (record.executor == SweepExecutor::Processes) {
        status = SweepStatus::fromFolders(directory, record);
    } else {
        status = fromRecord(record, directory);
    }

    std::printf("%-5s %-28s %-10s %-12s %-12s %s\n", "index", "point", "state", "task", "slurm",
                "run folder");
    for (const SweepStatus::Point& point : status.points) {
        std::printf("%-5d %-28s %-10s %-12s %-12s %s\n", point.index, point.name.c_str(),
                    toString(point.state).c_str(), point.task.empty() ? "-" : point.task.c_str(),
                    point.schedulerState.empty() ? "-" : point.schedulerState.c_str(),
                    point.directory.empty() ? "-" : point.directory.c_str());
    }
    std::printf("%zu points:", status.points.size());
    const char* separator = " ";
    for (PointState state :
         {PointState::Finished, PointState::Running, PointState::Pending, PointState::Cancelled,
          PointState::Failed, PointState::Incomplete, PointState::NotRun}) {
        if (const int n = status.count(state); n > 0) {
            std::printf("%s%d %s", separator, n, toString(state).c_str());
            separator = ", ";
        }
    }
    std::printf("\n");
    return kExitOk;
}

int runSweepCancelCommand(const std::string& directory) {
    const std::vector<std::string> cancelled = SlurmSweep::cancel(directory);
    if (cancelled.empty()) {
        std::fprintf(stderr, "no job of %s is known to Slurm any more; nothing to cancel\n",
                     directory.c_str());
        return kExitOk;
    }
    for (const std::string& id : cancelled) std::printf("cancelled Slurm job %s\n", id.c_str());
    return kExitOk;
}

}  // namespace shatter
