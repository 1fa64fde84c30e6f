#include "model/classifier.h"

namespace shatter {

std::int64_t Classifier::trainableParameterCount() const {
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : parameters()) {
        if (parameter.requires_grad()) count += parameter.numel();
    }
    return count;
}

void Classifier::useChannelsLast() {
    torch::NoGradGuard noGrad;
    for (torch::Tensor& parameter : parameters()) {
        if (parameter.dim() == 4) parameter.set_data(parameter.contiguous(torch::MemoryFormat::ChannelsLast));
    }
    m_channelsLast = true;
}

torch::Tensor Classifier::inWeightLayout(const torch::Tensor& images) const {
    return m_channelsLast ? images.contiguous(torch::MemoryFormat::ChannelsLast) : images;
}

}  // namespace shatter
