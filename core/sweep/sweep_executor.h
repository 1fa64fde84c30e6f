#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace shatter {

// Where a sweep's points run:
//   Local      one after another in the calling process
//   Processes  N `shatter-cli sweep-point` worker processes on this machine
//   Slurm      one Slurm array job whose task i runs point i
enum class SweepExecutor { Local, Processes, Slurm };

std::string toString(SweepExecutor executor);
std::optional<SweepExecutor> sweepExecutorFromString(std::string_view name);

}  // namespace shatter
