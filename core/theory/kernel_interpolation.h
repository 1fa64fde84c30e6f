#pragma once

#include <cstdint>
#include <vector>

#include "theory/feature_matrix.h"
#include "theory/kernel_result.h"
#include "theory/kernel_settings.h"

namespace shatter {

// Solves K alpha = Y for one-hot targets Y by Cholesky in float64 (LibTorch, LAPACK), K the
// kernel matrix of the training points plus ridge * I, and predicts argmax_c k(x, X) alpha_c.
// At ridge 0 the solution interpolates the training labels with the smallest RKHS norm
// (docs/PAPER.md §7). Stateless and free of progress reporting; safe on a worker thread.
class KernelInterpolation {
public:
    // Test predictions are computed this many rows at a time.
    static constexpr std::int64_t kBlockRows = 1024;

    // Estimated peak bytes for n training and m test points with k classes: K and its Cholesky
    // factor (2 n^2 doubles), one block of test kernel rows, and the n x k targets, coefficients
    // and predictions.
    static std::int64_t bytesNeeded(std::int64_t n, std::int64_t m, int classes);
    // Throws ConfigError stating the need and the limit when n, m do not fit.
    static void checkMemory(std::int64_t n, std::int64_t m, int classes,
                            const KernelSettings& settings);

    // Throws ConfigError for inconsistent sizes, a negative ridge or bandwidth, sizes over the
    // memory limit (before allocating), and a kernel matrix Cholesky cannot factor (numerically
    // singular: the message suggests a ridge).
    static KernelResult fit(const FeatureMatrix& train, const std::vector<int>& labels,
                            const FeatureMatrix& test, const std::vector<int>& testLabels,
                            int classCount, const KernelSettings& settings);
};

}  // namespace shatter
