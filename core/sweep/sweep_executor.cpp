#include "sweep/sweep_executor.h"

namespace shatter {

std::string toString(SweepExecutor executor) {
    switch (executor) {
        case SweepExecutor::Local:
            return "local";
        case SweepExecutor::Processes:
            return "processes";
        case SweepExecutor::Slurm:
            return "slurm";
    }
    return "local";
}

std::optional<SweepExecutor> sweepExecutorFromString(std::string_view name) {
    for (SweepExecutor executor :
         {SweepExecutor::Local, SweepExecutor::Processes, SweepExecutor::Slurm}) {
        if (toString(executor) == name) return executor;
    }
    return std::nullopt;
}

}  // namespace shatter
