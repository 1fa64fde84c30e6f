#pragma once

#include <memory>

#include <torch/nn/modules/pooling.h>

#include "model/conv_block.h"

namespace shatter {

// Downsample(c3): a 3x3 stride-2 conv module with c3 filters beside a 3x3 stride-2 max-pool,
// concatenated along channels; halves the resolution (28 -> 14 -> 7).
class DownsampleBlock : public torch::nn::Module {
public:
    DownsampleBlock(std::int64_t in, std::int64_t c3, bool batchNorm);
    torch::Tensor forward(const torch::Tensor& x);
    std::int64_t outChannels() const { return m_out; }

private:
    std::shared_ptr<ConvBlock> m_conv;
    torch::nn::MaxPool2d m_pool{nullptr};
    std::int64_t m_out;
};

}  // namespace shatter
