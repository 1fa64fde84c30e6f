#include "train/synthetic_training.h"

#include "model/model_factory.h"
#include "train/fused_sgd.h"
#include "train/run_config.h"
#include "train/training_step.h"

namespace shatter {

namespace {

constexpr std::int64_t kClasses = 10;

}  // namespace

SyntheticTraining::SyntheticTraining(const std::string& modelKey, int channels, int batchSize) {
    torch::manual_seed(1);
    m_model = ModelFactory::create(modelKey, channels, kClasses, 0.0);
    ModelFactory::place(*m_model, modelKey, torch::kCPU);
    m_model->train();
    RunConfig defaults;
    defaults.model = modelKey;
    m_optimizer = std::make_unique<FusedSgd>(m_model->parameters(), defaults.effectiveLearningRate(),
                                             defaults.momentum, defaults.weightDecay);
    m_step = std::make_unique<TrainingStep>(*m_model, *m_optimizer);
    const std::int64_t side = ModelFactory::kInputSide;
    m_inputs = torch::randn({batchSize, channels, side, side});
    m_targets = torch::randint(kClasses, {batchSize}, torch::kInt64);
}

SyntheticTraining::~SyntheticTraining() = default;

void SyntheticTraining::step() { m_step->run(m_inputs, m_targets); }

}  // namespace shatter
