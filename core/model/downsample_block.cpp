#include "model/downsample_block.h"

namespace shatter {

DownsampleBlock::DownsampleBlock(std::int64_t in, std::int64_t c3, bool batchNorm) : m_out(in + c3) {
    m_conv = register_module("conv", std::make_shared<ConvBlock>(in, c3, 3, 2, batchNorm));
    m_pool = register_module(
        "pool", torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
}

torch::Tensor DownsampleBlock::forward(const torch::Tensor& x) {
    return torch::cat({m_conv->forward(x), m_pool->forward(x)}, 1);
}

}  // namespace shatter
