#pragma once

#include <torch/nn/modules/container/sequential.h>

#include "model/classifier.h"

namespace shatter {

// The paper's small AlexNet: two modules [conv 5x5 64 same -> ReLU -> max-pool 3x3/2 ->
// local response normalisation], then FC 384 -> FC 192 -> linear classes (28x28 input).
class SmallAlexNet : public Classifier {
public:
    SmallAlexNet(std::int64_t channels, std::int64_t classes, double dropout);
    torch::Tensor forward(const torch::Tensor& images) override;

private:
    torch::nn::Sequential m_features;
    torch::nn::Sequential m_classifier;
};

}  // namespace shatter
