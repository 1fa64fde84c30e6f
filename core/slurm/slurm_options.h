#pragma once

#include <string>
#include <vector>

namespace shatter {

// The sbatch settings of a sweep's array job. Empty or zero: not passed, the cluster's default.
struct SlurmOptions {
    std::string partition;                    // --partition
    std::string timeLimit;                    // --time, e.g. 02:00:00 per point
    int cpusPerTask = 0;                      // --cpus-per-task; also each point's thread count
    std::string gres;                         // --gres, e.g. gpu:1
    int maxParallel = 0;                      // the %M of --array=...%M: tasks running at once
    std::vector<std::string> extraArguments;  // passed to sbatch as they are, before the script
    std::string shatterCli;                   // shatter-cli as the compute nodes see it
};

}  // namespace shatter
