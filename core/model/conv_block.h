#pragma once

#include <torch/nn/modules/batchnorm.h>
#include <torch/nn/modules/conv.h>

#include <torch/nn/module.h>

namespace shatter {

// The small Inception's conv module: conv (with bias) -> BatchNorm (optional) -> ReLU.
class ConvBlock : public torch::nn::Module {
public:
    ConvBlock(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
              bool batchNorm);
    torch::Tensor forward(const torch::Tensor& x);

private:
    torch::nn::Conv2d m_conv{nullptr};
    torch::nn::BatchNorm2d m_norm{nullptr};
};

}  // namespace shatter
