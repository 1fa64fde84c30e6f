#pragma once

#include <torch/types.h>

namespace shatter {

class Classifier;
class FusedSgd;

// One SGD training step, as the trainer, `shatter-cli bench` and the profile take it: the mean
// cross-entropy loss of a batch, its gradients by autograd, the FusedSgd update.
class TrainingStep {
public:
    // `optimizer` was made with model.parameters(); both must outlive the step.
    TrainingStep(Classifier& model, FusedSgd& optimizer) : m_model(model), m_optimizer(optimizer) {}

    // Drops the previous gradients, then steps; returns the batch's loss before the update, on
    // the model's device.
    torch::Tensor run(const torch::Tensor& inputs, const torch::Tensor& targets);
    // The step without dropping the gradients first, for CudaGraphStep (which drops them itself
    // before the steps it runs and captures).
    torch::Tensor runKeepingGradients(const torch::Tensor& inputs, const torch::Tensor& targets);

private:
    Classifier& m_model;
    FusedSgd& m_optimizer;
};

}  // namespace shatter
