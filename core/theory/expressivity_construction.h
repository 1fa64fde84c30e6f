#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "theory/expressivity_result.h"
#include "theory/feature_matrix.h"

namespace shatter {

// The constructive proof of finite-sample expressivity (docs/PAPER.md §6, paper §4): a depth-2
// ReLU network c(x) = sum_j w_j max(<a,x> - b_j, 0) with 2n + d weights fits any labels on n
// distinct points. Stateless and free of progress reporting; safe to call from a worker thread.
class ExpressivityConstruction {
public:
    struct Settings {
        std::uint64_t seed = 1;                      // draws the direction a
        std::optional<std::int64_t> maxMemoryBytes;  // default: MemoryBudget::limitBytes
    };

    // Estimated peak bytes for n training and m test points of dimension d with k classes.
    static std::int64_t bytesNeeded(std::int64_t n, std::int64_t m, std::int64_t d, int classes);

    // Fits `labels` (in [0, classCount)) on the training points and evaluates on the test points.
    // Throws DataError when two training inputs coincide (no direction separates them) and
    // ConfigError when the sizes are inconsistent or would not fit in memory.
    static ExpressivityResult fit(const FeatureMatrix& train, const std::vector<int>& labels,
                                  const FeatureMatrix& test, const std::vector<int>& testLabels,
                                  int classCount, const Settings& settings);
};

}  // namespace shatter
