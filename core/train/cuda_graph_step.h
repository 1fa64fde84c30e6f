#pragma once

#include <torch/types.h>

#include <functional>
#include <memory>

namespace shatter {

// Runs the training steps of full batches on a CUDA GPU as one captured CUDA graph. The first
// few steps run eagerly (cuBLAS and cuDNN allocate their workspaces and choose algorithms then,
// which a capture must not do); the next step's forward pass, loss, backward pass and optimizer
// update are captured once and replayed for every later full batch: one launch instead of the
// step's dozens of kernel launches and the CPU work between them.
//
// `step` computes the loss of a batch, runs backward() and updates the parameters. It must not
// wait for the GPU (no item(), no copies to the host), must not clear the gradients itself, and
// must read anything that changes between steps, such as the learning rate, from GPU memory
// (FusedSgd does). `clearGradients` drops the gradients before the eager steps and before the
// capture. The batch is copied into the graph's own input tensors; the loss returned lives in
// the graph's memory and is overwritten by the next step.
class CudaGraphStep {
public:
    using Step = std::function<torch::Tensor(const torch::Tensor& inputs, const torch::Tensor& targets)>;

    // Whether this build can capture CUDA graphs (LibTorch built with CUDA).
    static bool available();

    CudaGraphStep(Step step, std::function<void()> clearGradients);
    ~CudaGraphStep();
    CudaGraphStep(const CudaGraphStep&) = delete;
    CudaGraphStep& operator=(const CudaGraphStep&) = delete;

    // One training step on a full batch; every call must pass batches of the same shape.
    torch::Tensor run(const torch::Tensor& inputs, const torch::Tensor& targets);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace shatter
