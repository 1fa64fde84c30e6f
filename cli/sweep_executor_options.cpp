#include "cli/sweep_executor_options.h"

namespace shatter {

void addSweepExecutorOptions(CLI::App& sweep, SweepOptions& options) {
    sweep
        .add_option(
            "--executor", options.executor,
            "local (default: this machine) or slurm (one array job into --out, a shared folder)")
        ->check(CLI::IsMember({"local", "slurm"}));
    sweep
        .add_option(
            "-j,--processes", options.processes,
            "local: worker processes sharing the cores (default 1: every point in this process)")
        ->check(CLI::Range(1, 256));
    sweep.add_option("--partition", options.slurm.partition,
                     "slurm: partition (sbatch --partition)");
    sweep.add_option("--time", options.slurm.timeLimit,
                     "slurm: time limit per point, e.g. 01:00:00");
    sweep
        .add_option("--cpus-per-task", options.slurm.cpusPerTask,
                    "slurm: cores per point, also its thread count")
        ->check(CLI::Range(1, 1024));
    sweep.add_option("--gres", options.slurm.gres,
                     "slurm: generic resources per point, e.g. gpu:1");
    sweep
        .add_option("--max-parallel", options.slurm.maxParallel,
                    "slurm: points running at once (--array=...%M)")
        ->check(CLI::Range(1, 100000));
    sweep
        .add_option("--sbatch-arg", options.slurm.extraArguments,
                    "slurm: one more sbatch argument, e.g. --sbatch-arg=--account=abc (repeatable)")
        ->allow_extra_args(false);
    sweep.add_option("--shatter-cli", options.slurm.shatterCli,
                     "slurm: shatter-cli as the compute nodes see it (default: this executable)");
    sweep.add_option("--status", options.statusOf,
                     "show each point of the sweep folder DIR and exit");
    sweep.add_option("--cancel", options.cancelOf,
                     "cancel the Slurm jobs of the sweep folder DIR and exit");
}

}  // namespace shatter
