#pragma once

#include <string>
#include <vector>

#include "slurm/slurm_options.h"

namespace shatter {

// The batch script of a sweep's array job and the sbatch command that submits it. The script is
// a small file in the sweep folder; task i runs
//   shatter-cli sweep-point SWEEP --index $SLURM_ARRAY_TASK_ID
// with every path single-quoted, so spaces and quotes in them are safe.
class SbatchScript {
public:
    static constexpr const char* kFileName = "slurm-task.sh";
    static constexpr const char* kLogFolder = "slurm-logs";

    static std::string text(const std::string& shatterCli, const std::string& sweepDirectory);
    // Writes SWEEP/slurm-task.sh (executable) and creates SWEEP/slurm-logs; returns the script's
    // path. Throws RunStoreError.
    static std::string write(const std::string& shatterCli, const std::string& sweepDirectory);
    // The argument vector of sbatch for these point indices.
    static std::vector<std::string> sbatchArguments(const SlurmOptions& options,
                                                    const std::vector<int>& indices,
                                                    const std::string& sweepDirectory,
                                                    const std::string& scriptPath);
    // Indices as an --array list: "0-5", "1,3-4"; with maxParallel > 0, "...%M".
    static std::string arraySpec(std::vector<int> indices, int maxParallel);
    // `value` in single quotes for a POSIX shell.
    static std::string shellQuote(const std::string& value);
};

}  // namespace shatter
