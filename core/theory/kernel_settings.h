#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace shatter {

enum class KernelType { Rbf, Linear };

// "rbf" | "linear"; parseKernelType throws ConfigError for another name.
std::string kernelTypeKey(KernelType type);
KernelType parseKernelType(const std::string& key);

// How KernelInterpolation builds and solves K alpha = Y (docs/PAPER.md §7).
struct KernelSettings {
    KernelType kernel = KernelType::Rbf;
    // RBF k(x, y) = exp(-|x - y|^2 / (2 sigma^2)); nullopt: sigma = the median distance between
    // training points (the median heuristic).
    std::optional<double> bandwidth;
    double ridge = 0.0;                          // lambda >= 0 added to K's diagonal
    std::optional<std::int64_t> maxMemoryBytes;  // default: MemoryBudget::limitBytes
};

}  // namespace shatter
