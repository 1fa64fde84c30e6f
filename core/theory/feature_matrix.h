#pragma once

#include <cstdint>
#include <vector>

#include "data/image_set.h"

namespace shatter {

// Points in R^d as the theory constructions see them: one row per example, row-major, double
// precision. Plain data, so the GUI and the tests can build one without LibTorch.
struct FeatureMatrix {
    std::int64_t rows = 0;
    std::int64_t cols = 0;
    std::vector<double> values;  // rows * cols

    const double* row(std::int64_t index) const { return values.data() + index * cols; }

    // The images exactly as a training run feeds them to a network (Preprocessor: centre crop to
    // 28x28 and per-image whitening), flattened, so the constructions work on the same inputs.
    static FeatureMatrix fromImages(const ImageSet& set);
};

}  // namespace shatter
