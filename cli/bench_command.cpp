#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "model/model_catalog.h"
#include "train/compute_device.h"
#include "train/throughput_benchmark.h"
#include "util/thread_split.h"

namespace shatter {

int runBenchCommand(const BenchOptions& options) {
    using Split = ThreadSplit;
    const Split chosen = modelInfo(options.model).threadSplit;  // throws for an unknown model
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = options.threads > 0 ? options.threads : cores;
    // The baseline is what a program gets by default: both pools at one thread per core.
    const std::string n = std::to_string(threads);
    // What Shatter picks for this network (see ComputeDevice) is marked.
    auto mark = [&](Split split) { return split == chosen ? std::string(", Shatter's policy") : std::string(); };
    std::vector<ThroughputBenchmark::Setting> settings = {
        {"both pools at " + n + " (baseline" + mark(Split::BothPools) + ")", threads, threads},
        {"LibTorch " + n + ", BLAS 1" + (chosen == Split::LibTorchThreads ? " (Shatter's policy)" : ""), threads, 1},
        {"LibTorch 1, BLAS " + n + (chosen == Split::BlasThreads ? " (Shatter's policy)" : ""), 1, threads},
        {"single thread", 1, 1},
    };
    if (!ComputeDevice::openBlasPresent()) {
        std::printf("note: OpenBLAS not found; BLAS thread settings have no effect\n");
    }
    std::printf("training throughput, %s, batch %d, %d samples x %d repetitions (median)\n", options.model.c_str(),
                options.batchSize, options.samples, options.repetitions);
    const auto results = ThroughputBenchmark::run(options.model, options.channels, options.batchSize, options.samples,
                                                  options.repetitions, settings);
    const double baseline = results.front().samplesPerSecond;
    for (const auto& result : results) {
        std::printf("  %-40s %10.0f samples/s  %5.2fx\n", result.setting.label.c_str(), result.samplesPerSecond,
                    result.samplesPerSecond / baseline);
    }
    return kExitOk;
}

}  // namespace shatter
