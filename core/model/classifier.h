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

    // Lays the convolution weights out channels-last (NHWC), and forward() its images with them:
    // on the CPU, oneDNN's convolutions and LibTorch's pooling are faster on that layout
    // (ModelFactory::place decides, per model, as measured).
    void useChannelsLast();
    bool channelsLast() const { return m_channelsLast; }

protected:
    // `images` in the layout of the weights, for forward().
    torch::Tensor inWeightLayout(const torch::Tensor& images) const;

private:
    bool m_channelsLast = false;
};

}  // namespace shatter
