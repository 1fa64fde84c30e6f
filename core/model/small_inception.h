#pragma once

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

#include "model/classifier.h"

namespace shatter {

// The paper's small Inception (with or without BatchNorm):
// conv 3x3 96 -> Inc(32,32) -> Inc(32,48) -> Down(80) -> Inc(112,48) -> Inc(96,64) ->
// Inc(80,80) -> Inc(48,96) -> Down(96) -> Inc(176,160) -> Inc(176,160) -> global average pool ->
// linear classes.
class SmallInception : public Classifier {
public:
    SmallInception(std::int64_t channels, std::int64_t classes, bool batchNorm, double dropout);
    torch::Tensor forward(const torch::Tensor& images) override;
    // The paper counts conv weights and biases and the classifier, not BatchNorm's scale and shift.
    std::int64_t paperParameterCount() const override;

private:
    torch::nn::Sequential m_features;
    torch::nn::Dropout m_dropout{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};

}  // namespace shatter
