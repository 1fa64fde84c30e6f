#include "train/training_step.h"

#include <torch/nn/functional/loss.h>

#include "model/classifier.h"
#include "train/fused_sgd.h"

namespace shatter {

torch::Tensor TrainingStep::run(const torch::Tensor& inputs, const torch::Tensor& targets) {
    m_optimizer.clearGradients();
    return runKeepingGradients(inputs, targets);
}

torch::Tensor TrainingStep::runKeepingGradients(const torch::Tensor& inputs, const torch::Tensor& targets) {
    const torch::Tensor loss = torch::nn::functional::cross_entropy(m_model.forward(inputs), targets);
    loss.backward();
    m_optimizer.step();
    return loss.detach();
}

}  // namespace shatter
