#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "run/run_status.h"
#include "sweep/slurm_job.h"
#include "sweep/sweep_executor.h"
#include "sweep/sweep_plan.h"

namespace shatter {

// sweep.json: the plan and, for each point started so far, its run folder (relative to the
// sweep folder) and status. Rewritten atomically after every point, so a sweep that was
// cancelled or killed can be resumed: points whose run finished are skipped.
struct SweepRecord {
    struct Point {
        std::string name;
        std::string directory;  // relative to the sweep folder
        RunStatus status = RunStatus::Running;
    };

    SweepPlan plan;
    std::vector<Point> points;
    std::string createdAt;
    // How the points run. With Processes and Slurm each point's run folder is named by the
    // point (SweepPlan::pointName) and is written by a `shatter-cli sweep-point` process.
    SweepExecutor executor = SweepExecutor::Local;
    std::vector<SlurmJob> slurmJobs;  // every array job submitted for this sweep, oldest first

    static constexpr const char* kFileName = "sweep.json";

    void save(const std::string& sweepDirectory) const;
    // Throws RunStoreError naming the file when it is missing or malformed.
    static SweepRecord load(const std::string& sweepDirectory);
    // Whether sweepDirectory holds a sweep.json.
    static bool exists(const std::string& sweepDirectory);
    const Point* find(const std::string& name) const;
    // The last submitted job that holds the point with this index, or nullptr.
    const SlurmJob* lastJobFor(int index) const;
};

}  // namespace shatter
