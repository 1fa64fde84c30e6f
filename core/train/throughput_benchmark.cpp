#include "train/throughput_benchmark.h"

#include <algorithm>
#include <chrono>

#include "train/compute_device.h"
#include "train/synthetic_training.h"

namespace shatter {

namespace {

double measureOnce(const std::string& modelKey, int channels, int batchSize, int samples) {
    SyntheticTraining training(modelKey, channels, batchSize);
    training.step();  // warm-up: first-call allocations
    const int steps = std::max(1, samples / batchSize);
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < steps; ++i) training.step();
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
