#pragma once

#include <cstdint>

#include "theory/kernel_settings.h"

namespace shatter {

// Minimum-norm kernel interpolation of one training set (docs/PAPER.md §7) and how it did.
struct KernelResult {
    KernelType kernel = KernelType::Rbf;
    std::int64_t n = 0;  // training points
    std::int64_t d = 0;  // input dimension
    int classes = 0;
    double bandwidth = 0.0;  // sigma used (RBF); 0 for the linear kernel
    bool bandwidthFromMedian = false;
    double ridge = 0.0;     // lambda
    double trainAcc = 0.0;  // against the assigned (possibly random) labels
    double testAcc = 0.0;   // against the true test labels
    // sqrt(trace(alpha^T K alpha)) = sqrt(sum_c alpha_c^T K alpha_c): the RKHS norm of the
    // vector-valued interpolant, one function per class, with K without the ridge.
    double rkhsNorm = 0.0;
    // max |K alpha - Y| over points and classes, K without the ridge: 0 up to round-off when
    // interpolating (lambda = 0), growing with lambda.
    double maxResidual = 0.0;
    double seconds = 0.0;          // kernel matrix, factorisation, solve and predictions
    std::int64_t bytesNeeded = 0;  // estimated peak, checked before anything was allocated
    std::int64_t bytesLimit = 0;   // the limit it was checked against
};

}  // namespace shatter
