#include "shatter_error.h"
#include "train/cuda_graph_step.h"

// The build without CUDA: LibTorch has no CUDA graphs, and the trainer never asks for one.

namespace shatter {

struct CudaGraphStep::Impl {};

bool CudaGraphStep::available() { return false; }

CudaGraphStep::CudaGraphStep(Step, std::function<void()>) {
    throw ShatterError("CUDA graphs are not available in this build of Shatter");
}

CudaGraphStep::~CudaGraphStep() = default;

torch::Tensor CudaGraphStep::run(const torch::Tensor&, const torch::Tensor&) { return {}; }

}  // namespace shatter
