#pragma once

// LibTorch glue shared by the theory constructions; included by their .cpp files only, so the
// public theory headers stay free of LibTorch.

#include <torch/torch.h>

#include <string>
#include <vector>

#include "shatter_error.h"
#include "theory/feature_matrix.h"

namespace shatter::theory_tensors {

// A float64 view of the matrix's values (no copy): the matrix must outlive the tensor.
inline torch::Tensor view(const FeatureMatrix& matrix) {
    return torch::from_blob(const_cast<double*>(matrix.values.data()), {matrix.rows, matrix.cols},
                            torch::kFloat64);
}

inline torch::Tensor labelTensor(const std::vector<int>& labels) {
    std::vector<std::int64_t> wide(labels.begin(), labels.end());
    return torch::tensor(wide, torch::kInt64);
}

// n x k one-hot targets in float64.
inline torch::Tensor oneHot(const std::vector<int>& labels, int classCount) {
    return torch::one_hot(labelTensor(labels), classCount).to(torch::kFloat64);
}

// The fraction of rows whose largest score is at the label; NaN for no rows.
inline double accuracy(const torch::Tensor& scores, const torch::Tensor& labels) {
    if (labels.numel() == 0) return std::nan("");
    return scores.argmax(1).eq(labels).to(torch::kFloat64).mean().item<double>();
}

inline std::vector<double> toVector(const torch::Tensor& tensor) {
    const torch::Tensor flat = tensor.to(torch::kFloat64).contiguous().flatten();
    return std::vector<double>(flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel());
}

// Checks shared by both constructions: matching sizes, labels in range.
inline void requireLabelled(const FeatureMatrix& features, const std::vector<int>& labels,
                            int classCount, const std::string& what) {
    if (classCount < 1) throw ConfigError(what + ": needs at least one class");
    if (static_cast<std::int64_t>(labels.size()) != features.rows) {
        throw ConfigError(what + ": " + std::to_string(features.rows) + " inputs but " +
                          std::to_string(labels.size()) + " labels");
    }
    if (static_cast<std::int64_t>(features.values.size()) != features.rows * features.cols) {
        throw ConfigError(what + ": the feature matrix does not hold rows x cols values");
    }
    for (int label : labels) {
        if (label < 0 || label >= classCount) {
            throw ConfigError(what + ": label " + std::to_string(label) + " outside 0.." +
                              std::to_string(classCount - 1));
        }
    }
}

}  // namespace shatter::theory_tensors
