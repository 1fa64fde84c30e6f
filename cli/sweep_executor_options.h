#pragma once

#include <CLI/CLI.hpp>

#include "cli/commands.h"

namespace shatter {

// The flags of `shatter-cli sweep` that choose where its points run: -j N worker processes, or
// a Slurm array job with its sbatch settings; and --status / --cancel of a sweep folder.
void addSweepExecutorOptions(CLI::App& sweep, SweepOptions& options);

}  // namespace shatter
