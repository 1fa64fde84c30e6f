#include "train/throughput_benchmark.h"

#include <algorithm>
#include <chrono>

#include "model/model_factory.h"
#include "train/fused_sgd.h"
#include "train/compute_device.h"
#include "train/training_step.h"

namespace shatter {

namespace {

double measureOnce(const std::string& modelKey, int channels, int batchSize, int samples) {
    torch::manual_seed(1);
    std::shared_ptr<Classifier> model = ModelFactory::create(modelKey, channels, 10, 0.0);
    ModelFactory::place(*model, modelKey, torch::kCPU);
    model->train();
    FusedSgd optimizer(model->parameters(), 0.01, 0.9, 0.0);  // the trainer's defaults
    TrainingStep trainingStep(*model, optimizer);
    const torch::Tensor inputs = torch::randn({batchSize, channels, 28, 28});
    const torch::Tensor targets = torch::randint(10, {batchSize}, torch::kInt64);
    auto step = [&] { trainingStep.run(inputs, targets); };
    step();  // warm-up: first-call allocations
    const int steps = std::max(1, samples / batchSize);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i) step();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return steps * batchSize / seconds;
}

}  // namespace

std::vector<ThroughputBenchmark::Result> ThroughputBenchmark::run(const std::string& modelKey, int channels,
                                                                  int batchSize, int samples, int repetitions,
                                                                  const std::vector<Setting>& settings) {
    std::vector<std::vector<double>> measured(settings.size());
    for (int r = 0; r < repetitions; ++r) {
        for (std::size_t s = 0; s < settings.size(); ++s) {
            ComputeDevice::setThreadPools(settings[s].libtorchThreads, settings[s].blasThreads);
            measured[s].push_back(measureOnce(modelKey, channels, batchSize, samples));
        }
    }
    std::vector<Result> results;
    for (std::size_t s = 0; s < settings.size(); ++s) {
        std::vector<double>& values = measured[s];
        std::sort(values.begin(), values.end());
        results.push_back({settings[s], values[values.size() / 2]});
    }
    return results;
}

}  // namespace shatter
