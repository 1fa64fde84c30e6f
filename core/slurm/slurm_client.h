#pragma once

#include <string>
#include <vector>

#include "slurm/slurm_options.h"
#include "slurm/slurm_queue.h"

namespace shatter {

// Talks to Slurm through its standard commands (sbatch, squeue, scontrol, scancel), run with
// argument vectors, never through a shell. SLURM_CONF and PATH of this process apply.
class SlurmClient {
public:
    // Submits the array job; returns its id. Throws SchedulerError holding sbatch's standard
    // error verbatim when it refuses, or why it could not be run.
    static std::string submit(const std::vector<std::string>& sbatchArguments);
    // The tasks of these jobs that the controller still knows. Throws SchedulerError when
    // squeue cannot reach the controller.
    static SlurmQueue query(const std::vector<std::string>& jobIds);
    // scancel of every job; throws SchedulerError with scancel's message when it fails.
    static void cancel(const std::vector<std::string>& jobIds);
    // The job id in sbatch --parsable output ("123" or "123;cluster").
    static std::string parseJobId(const std::string& sbatchOutput);
};

}  // namespace shatter
