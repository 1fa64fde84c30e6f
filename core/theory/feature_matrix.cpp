#include "theory/feature_matrix.h"

#include <cstring>

#include "train/preprocessor.h"

namespace shatter {

FeatureMatrix FeatureMatrix::fromImages(const ImageSet& set) {
    FeatureMatrix matrix;
    if (set.size() == 0) return matrix;
    const torch::Tensor flat =
        Preprocessor::prepare(set, torch::kCPU).flatten(1).to(torch::kFloat64).contiguous();
    matrix.rows = flat.size(0);
    matrix.cols = flat.size(1);
    matrix.values.resize(static_cast<std::size_t>(flat.numel()));
    std::memcpy(matrix.values.data(), flat.data_ptr<double>(),
                matrix.values.size() * sizeof(double));
    return matrix;
}

}  // namespace shatter
