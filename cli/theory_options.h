#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "cli/run_options.h"
#include "theory/kernel_settings.h"

namespace shatter {

// The flags of `shatter-cli expressivity` and `shatter-cli kernel`: run's data flags (dataset,
// sizes, corruption, level, seed; RunOptions, so a --config file works too), --out and
// --max-memory-gb, and for kernel the kernel's own. The training-only flags RunOptions also
// adds are accepted but hidden from the help and not used.
class TheoryOptions {
public:
    void addTo(CLI::App& command, bool kernelFlags);

    RunConfig resolveRun() const { return m_run.resolve(); }
    // Throws ConfigError for a bad kernel name, bandwidth, ridge or memory limit.
    KernelSettings kernelSettings() const;
    std::optional<std::int64_t> maxMemoryBytes() const;
    const std::string& outRoot() const { return m_outRoot; }

private:
    RunOptions m_run;
    std::string m_outRoot = "runs";
    double m_maxMemoryGb = 0.0;
    std::string m_kernel = "rbf";
    double m_bandwidth = 0.0;
    double m_ridge = 0.0;
};

}  // namespace shatter
