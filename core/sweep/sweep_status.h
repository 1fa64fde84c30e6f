#pragma once

#include <optional>
#include <string>
#include <vector>

#include "run/run_status.h"
#include "slurm/slurm_queue.h"
#include "sweep/point_state.h"
#include "sweep/sweep_record.h"

namespace shatter {

// Each point of a sweep whose points run in their own processes (worker processes or Slurm
// array tasks): its state from its run folder and, for Slurm, the controller's queue.
struct SweepStatus {
    struct Point {
        int index = 0;
        std::string name;
        PointState state = PointState::NotRun;
        std::string directory;               // the run folder, when it exists
        std::optional<RunStatus> runStatus;  // from the run folder
        std::string task;                    // "JOB_INDEX" of its last Slurm task, if any
        std::string schedulerState;          // what Slurm says about that task, if it still knows
    };
    std::vector<Point> points;

    static SweepStatus of(const std::string& sweepDirectory, const SweepRecord& record,
                          const SlurmQueue& queue);
    // Only the run folders: for sweeps without a scheduler, or with one out of reach.
    static SweepStatus fromFolders(const std::string& sweepDirectory, const SweepRecord& record);
    // The state of one point from its pieces (see PointState).
    static PointState decide(std::optional<RunStatus> runStatus,
                             std::optional<std::string> schedulerState, bool submitted,
                             bool jobKnown);

    int count(PointState state) const;
    // Indices of the points to run on a resubmission: every point without a finished run that
    // is neither queued nor running.
    std::vector<int> toResubmit() const;
};

}  // namespace shatter
