#include "model/inception_block.h"

namespace shatter {

InceptionBlock::InceptionBlock(std::int64_t in, std::int64_t c1, std::int64_t c3, bool batchNorm)
    : m_out(c1 + c3) {
    m_branch1 = register_module("branch1x1", std::make_shared<ConvBlock>(in, c1, 1, 1, batchNorm));
    m_branch3 = register_module("branch3x3", std::make_shared<ConvBlock>(in, c3, 3, 1, batchNorm));
}

torch::Tensor InceptionBlock::forward(const torch::Tensor& x) {
    return torch::cat({m_branch1->forward(x), m_branch3->forward(x)}, 1);
}

}  // namespace shatter
