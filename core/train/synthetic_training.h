#pragma once

#include <torch/types.h>

#include <memory>
#include <string>

namespace shatter {

class Classifier;
class FusedSgd;
class TrainingStep;

// One network on the CPU with its optimizer at a run's default settings (RunConfig) and one
// random batch of 28x28 images: what `shatter-cli bench` and the compute profile time.
class SyntheticTraining {
public:
    SyntheticTraining(const std::string& modelKey, int channels, int batchSize);
    ~SyntheticTraining();

    // One training step on the batch.
    void step();
    Classifier& model() { return *m_model; }
    const torch::Tensor& inputs() const { return m_inputs; }

private:
    std::shared_ptr<Classifier> m_model;
    std::unique_ptr<FusedSgd> m_optimizer;
    std::unique_ptr<TrainingStep> m_step;
    torch::Tensor m_inputs, m_targets;
};

}  // namespace shatter
