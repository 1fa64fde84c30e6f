#pragma once

#include <memory>

#include "model/conv_block.h"

namespace shatter {

// Inception(c1, c3): a 1x1 conv module with c1 filters beside a 3x3 conv module with c3 filters,
// outputs concatenated along channels.
class InceptionBlock : public torch::nn::Module {
public:
    InceptionBlock(std::int64_t in, std::int64_t c1, std::int64_t c3, bool batchNorm);
    torch::Tensor forward(const torch::Tensor& x);
    std::int64_t outChannels() const { return m_out; }

private:
    std::shared_ptr<ConvBlock> m_branch1;
    std::shared_ptr<ConvBlock> m_branch3;
    std::int64_t m_out;
};

}  // namespace shatter
