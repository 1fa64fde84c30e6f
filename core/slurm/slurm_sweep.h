#pragma once

#include <string>
#include <vector>

#include "slurm/slurm_options.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_status.h"

namespace shatter {

// A sweep run as one Slurm array job into a shared sweep folder.
class SlurmSweep {
public:
    struct Submission {
        std::string jobId;         // empty when nothing needed submitting
        std::vector<int> indices;  // the points submitted
        int finished = 0;          // points with a finished run already
        int inFlight = 0;          // points still queued or running from earlier jobs
        std::string directory;     // the sweep folder, absolute
    };

    // Writes sweep.json and the task script into the folder and submits the points without a
    // finished run that are not queued or running (all of them the first time), retiring
    // their unfinished run folders first; records the job id in sweep.json. Throws
    // SchedulerError (sbatch's message), ConfigError, RunStoreError.
    static Submission submit(const SweepPlan& plan, const std::string& directory,
                             const SlurmOptions& options);
    // Each point's state from its run folder and the controller. Throws SchedulerError when
    // the controller cannot be asked, RunStoreError without sweep.json.
    static SweepStatus status(const std::string& directory);
    // scancel of every job of the sweep that the controller still knows; returns their ids.
    static std::vector<std::string> cancel(const std::string& directory);
};

}  // namespace shatter
