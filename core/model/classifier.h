#pragma once

#include <torch/nn/module.h>

namespace shatter {

// Base of the paper's networks: images (N, C, 28, 28) in, class scores (N, classes) out.
class Classifier : public torch::nn::Module {
public:
    virtual torch::Tensor forward(const torch::Tensor& images) = 0;

    // Trainable parameters, all of them.
    std::int64_t trainableParameterCount() const;
    // The count as the paper reports it; for most models the same as trainableParameterCount().
    virtual std::int64_t paperParameterCount() const { return trainableParameterCount(); }
};

}  // namespace shatter
