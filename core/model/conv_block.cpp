#include "model/conv_block.h"

#include <torch/nn/functional/activation.h>

namespace shatter {

ConvBlock::ConvBlock(std::int64_t in, std::int64_t out, std::int64_t kernel, std::int64_t stride,
                     bool batchNorm) {
    m_conv = register_module(
        "conv", torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, kernel).stride(stride).padding(kernel / 2)));
    if (batchNorm) m_norm = register_module("norm", torch::nn::BatchNorm2d(out));
}

torch::Tensor ConvBlock::forward(const torch::Tensor& x) {
    torch::Tensor y = m_conv->forward(x);
    if (m_norm) y = m_norm->forward(y);
    return torch::relu(y);
}

}  // namespace shatter
