#pragma once

#include <torch/types.h>

#include <vector>

namespace shatter {

// SGD with momentum and weight decay as torch::optim::SGD computes it (no dampening, no
// Nesterov), bit for bit, but in one pass over each parameter instead of three or four:
//   d   = grad + weightDecay * param          (one rounding, as ATen's fused add)
//   buf = momentum * buf + d                  (two roundings, as mul_ then add_)
//   param = param - learningRate * buf        (one rounding)
// A zero momentum buffer gives torch's first step (buf = d). clearGradients() drops the
// gradients instead of zeroing them, so that backward() hands the new gradient over without a
// zero fill and an addition. Float CPU tensors take the one-pass loop (with AVX2 and FMA);
// anything else, a GPU included, takes the same formula in ATen's in-place operations. On a GPU
// the learning rate is read from a tensor on the device, so that a step captured in a CUDA graph
// (CudaGraphStep) follows setLearningRate() when replayed.
class FusedSgd {
public:
    FusedSgd(std::vector<torch::Tensor> parameters, double learningRate, double momentum,
             double weightDecay);

    void clearGradients();
    void step();
    void setLearningRate(double learningRate);
    double learningRate() const { return m_learningRate; }

private:
    std::vector<torch::Tensor> m_parameters;
    std::vector<torch::Tensor> m_momentumBuffers;
    double m_learningRate;
    torch::Tensor m_negativeRateOnGpu;  // -learning rate, made by the first step on a GPU
    double m_momentum;
    double m_weightDecay;
};

}  // namespace shatter
