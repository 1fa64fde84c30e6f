#pragma once

#include <string>
#include <vector>

#include "sweep/sweep_executor.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_record.h"
#include "sweep/sweep_status.h"

namespace shatter {

// The bookkeeping of a sweep whose points run as separate processes (worker processes or Slurm
// array tasks), done by the one process that starts them; the points' processes only read
// sweep.json. Each point's run folder is SWEEP/<point name>.
class PointSweep {
public:
    // Creates the sweep folder (made absolute), or reopens it to resume: writes sweep.json with
    // the plan, the executor and one entry per point. Throws ConfigError for a bad plan or two
    // points with one name, RunStoreError when the folder cannot be written.
    static SweepRecord open(const SweepPlan& plan, const std::string& directory,
                            SweepExecutor executor);
    // Moves aside the unfinished run folders of these points so they can be run again.
    static void retireUnfinished(const std::string& directory, const SweepStatus& status,
                                 const std::vector<int>& indices);
    // Sets each listed point's status from its run folder and saves sweep.json.
    static void refreshRecord(const std::string& directory, SweepRecord& record);
    static std::string absolute(const std::string& directory);
};

}  // namespace shatter
