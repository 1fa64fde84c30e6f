#include "cli/theory_options.h"

#include "shatter_error.h"

namespace shatter {

void TheoryOptions::addTo(CLI::App& command, bool kernelFlags) {
    command.add_option("--out", m_outRoot, "folder that receives the run folder (default ./runs)");
    command.add_option(
        "--max-memory-gb", m_maxMemoryGb,
        "refuse sizes needing more memory than this (default: 80% of the available memory)");
    if (kernelFlags) {
        command.add_option("--kernel", m_kernel, "rbf (Gaussian, default) or linear");
        command.add_option(
            "--bandwidth", m_bandwidth,
            "RBF sigma in k(x,y) = exp(-|x-y|^2 / (2 sigma^2)) (default: median distance)");
        command.add_option("--ridge", m_ridge,
                           "lambda added to the kernel matrix's diagonal (default 0: interpolate)");
    }
    m_run.addTo(command);
    for (const char* trainingOnly :
         {"--model", "--epochs", "--batch-size", "--lr", "--lr-decay", "--momentum",
          "--weight-decay", "--dropout", "--random-crop", "--device", "--stop-at-train-acc"}) {
        if (CLI::Option* option = command.get_option_no_throw(trainingOnly)) option->group("");
    }
}

KernelSettings TheoryOptions::kernelSettings() const {
    KernelSettings settings;
    settings.kernel = parseKernelType(m_kernel);
    if (m_bandwidth < 0.0)
        throw ConfigError("--bandwidth " + std::to_string(m_bandwidth) + ": must be positive");
    if (m_bandwidth > 0.0) settings.bandwidth = m_bandwidth;
    if (m_ridge < 0.0)
        throw ConfigError("--ridge " + std::to_string(m_ridge) + ": must be 0 or positive");
    settings.ridge = m_ridge;
    settings.maxMemoryBytes = maxMemoryBytes();
    return settings;
}

std::optional<std::int64_t> TheoryOptions::maxMemoryBytes() const {
    if (m_maxMemoryGb < 0.0) {
        throw ConfigError("--max-memory-gb " + std::to_string(m_maxMemoryGb) +
                          ": must be positive");
    }
    if (m_maxMemoryGb == 0.0) return std::nullopt;
    return static_cast<std::int64_t>(m_maxMemoryGb * 1e9);
}

}  // namespace shatter
