#include "model/small_inception.h"

#include <memory>

#include "model/conv_block.h"
#include "model/downsample_block.h"
#include "model/inception_block.h"

namespace shatter {

SmallInception::SmallInception(std::int64_t channels, std::int64_t classes, bool batchNorm,
                               double dropout) {
    m_features->push_back(std::make_shared<ConvBlock>(channels, 96, 3, 1, batchNorm));
    std::int64_t width = 96;
    auto inception = [&](std::int64_t c1, std::int64_t c3) {
        m_features->push_back(std::make_shared<InceptionBlock>(width, c1, c3, batchNorm));
        width = c1 + c3;
    };
    auto downsample = [&](std::int64_t c3) {
        m_features->push_back(std::make_shared<DownsampleBlock>(width, c3, batchNorm));
        width += c3;
    };
    inception(32, 32);
    inception(32, 48);
    downsample(80);
    inception(112, 48);
    inception(96, 64);
    inception(80, 80);
    inception(48, 96);
    downsample(96);
    inception(176, 160);
    inception(176, 160);
    register_module("features", m_features);
    m_dropout = register_module("dropout", torch::nn::Dropout(dropout));
    m_classifier = register_module("classifier", torch::nn::Linear(width, classes));
}

torch::Tensor SmallInception::forward(const torch::Tensor& images) {
    torch::Tensor features = m_features->forward(images).mean({2, 3});
    return m_classifier->forward(m_dropout->forward(features));
}

std::int64_t SmallInception::paperParameterCount() const {
    std::int64_t count = 0;
    for (const auto& item : named_parameters()) {
        if (item.key().find(".norm.") == std::string::npos) count += item.value().numel();
    }
    return count;
}

}  // namespace shatter
