#include "train/cuda_graph_step.h"

#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#include <torch/cuda.h>

#include "shatter_error.h"

namespace shatter {

namespace {

// Eager steps before the capture.
constexpr int kEagerSteps = 3;

}  // namespace

struct CudaGraphStep::Impl {
    Step step;
    std::function<void()> clearGradients;
    // The eager steps and the capture run on a stream of their own, as CUDA requires of a capture
    // and LibTorch recommends for the steps before it (workspaces are kept per stream).
    c10::cuda::CUDAStream sideStream = c10::cuda::getStreamFromPool();
    at::cuda::CUDAGraph graph;
    int eagerStepsDone = 0;
    bool captured = false;
    // The graph's inputs and its loss; declared after the graph, so released before it.
    torch::Tensor inputs, targets, loss;

    Impl(Step s, std::function<void()> clear) : step(std::move(s)), clearGradients(std::move(clear)) {}

    torch::Tensor eagerStep(const torch::Tensor& batchInputs, const torch::Tensor& batchTargets);
    void capture(const torch::Tensor& batchInputs, const torch::Tensor& batchTargets);
};

bool CudaGraphStep::available() { return true; }

CudaGraphStep::CudaGraphStep(Step step, std::function<void()> clearGradients)
    : m_impl(std::make_unique<Impl>(std::move(step), std::move(clearGradients))) {}

CudaGraphStep::~CudaGraphStep() = default;

torch::Tensor CudaGraphStep::Impl::eagerStep(const torch::Tensor& batchInputs,
                                             const torch::Tensor& batchTargets) {
    // The batch was made on the default stream and the next one will read the parameters there:
    // the whole device is synchronized on both sides, a few times per run.
    torch::cuda::synchronize();
    torch::Tensor result;
    {
        c10::cuda::CUDAStreamGuard guard(sideStream);
        clearGradients();
        result = step(batchInputs, batchTargets);
    }
    torch::cuda::synchronize();
    return result;
}

void CudaGraphStep::Impl::capture(const torch::Tensor& batchInputs, const torch::Tensor& batchTargets) {
    inputs = batchInputs.clone();
    targets = batchTargets.clone();
    torch::cuda::synchronize();
    {
        c10::cuda::CUDAStreamGuard guard(sideStream);
        // The gradients are made inside the capture, in the graph's memory, and stay there.
        clearGradients();
        graph.capture_begin();
        try {
            loss = step(inputs, targets);
        } catch (const std::exception& error) {
            try {
                graph.capture_end();
            } catch (const std::exception&) {
                // The capture is already invalid; the first error says why.
            }
            std::string message = error.what();
            if (const std::size_t end = message.find('\n'); end != std::string::npos) message.resize(end);
            throw ShatterError("capturing the training step in a CUDA graph failed (" + message +
                               "); run again with CUDA graphs off (cuda_graphs false, --no-cuda-graphs)");
        }
        graph.capture_end();
    }
    torch::cuda::synchronize();
    captured = true;
}

torch::Tensor CudaGraphStep::run(const torch::Tensor& inputs, const torch::Tensor& targets) {
    Impl& s = *m_impl;
    if (!s.captured) {
        if (s.eagerStepsDone < kEagerSteps) {
            ++s.eagerStepsDone;
            return s.eagerStep(inputs, targets);
        }
        // The capture records this batch's step without running it; the replay below runs it.
        s.capture(inputs, targets);
    } else {
        s.inputs.copy_(inputs);
        s.targets.copy_(targets);
    }
    s.graph.replay();
    return s.loss;
}

}  // namespace shatter
