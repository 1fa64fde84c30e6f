#include <algorithm>
#include <chrono>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "shatter_error.h"
#include "model/model_catalog.h"
#include "train/compute_device.h"
#include "train/compute_profile.h"
#include "train/run_preparation.h"
#include "train/throughput_benchmark.h"
#include "util/other_cpu_use.h"
#include "util/text_format.h"
#include "util/thread_calibration.h"
#include "util/thread_policy.h"

namespace shatter {

namespace {

int runProfile(const BenchOptions& options, int threads) {
    const ComputeProfile::Result r =
        ComputeProfile::measure(options.model, options.channels, options.batchSize, options.samples,
                                options.repetitions, threads);
    std::printf(
        "compute profile, %s, %d channels, batch %d, %s, median of %d interleaved repetitions\n",
        options.model.c_str(), options.channels, options.batchSize, r.threads.c_str(),
        options.repetitions);
    std::printf("  training    %10.0f samples/s\n", r.trainSamplesPerSecond);
    std::printf("  evaluation  %10.0f samples/s (no-grad batches of 1000)\n",
                r.evalSamplesPerSecond);
    // One epoch: train on trainSize, then evaluate the training and the test set.
    const double trainSeconds = options.trainSize / r.trainSamplesPerSecond;
    const double evalSeconds = (options.trainSize + options.testSize) / r.evalSamplesPerSecond;
    std::printf("  evaluation share of an epoch (%d train + %d test examples): %.1f%%\n",
                options.trainSize, options.testSize,
                100.0 * evalSeconds / (trainSeconds + evalSeconds));
    if (r.matmulFlopsPerSecond) {
        const double trainRate = *r.trainFlopsPerSample * r.trainSamplesPerSecond;
        const double evalRate = *r.evalFlopsPerSample * r.evalSamplesPerSecond;
        std::printf(
            "  FLOPs per sample: training %.0f (forward + weight and input gradients), evaluation "
            "%.0f\n",
            *r.trainFlopsPerSample, *r.evalFlopsPerSample);
        std::printf("  matrix products of these shapes: %.1f GFLOP/s\n",
                    *r.matmulFlopsPerSecond / 1e9);
        std::printf("  training   %.1f GFLOP/s = %.1f%% of the matrix-product rate\n",
                    trainRate / 1e9, 100.0 * trainRate / *r.matmulFlopsPerSecond);
        std::printf("  evaluation %.1f GFLOP/s = %.2fx training's FLOP rate\n", evalRate / 1e9,
                    evalRate / trainRate);
    } else {
        // Training does a forward pass and about two more of work backwards (at most: the first
        // layer needs no input gradient), so this ratio is a lower bound.
        std::printf(
            "  evaluation FLOP rate >= %.2fx training's (training counted as 3 forward passes)\n",
            r.evalSamplesPerSecond / (3.0 * r.trainSamplesPerSecond));
    }
    return kExitOk;
}

int runLoad(const BenchOptions& options) {
    RunConfig config;
    config.dataset = options.load;
    std::vector<double> seconds;
    Dataset dataset;
    for (int r = 0; r < options.repetitions; ++r) {
        const auto start = std::chrono::steady_clock::now();
        dataset = RunPreparation::loadDataset(config);
        seconds.push_back(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
    std::sort(seconds.begin(), seconds.end());
    std::printf(
        "loading %s (%zu train + %zu test images, %dx%dx%d): %.3f s (median of %d; min %.3f, max "
        "%.3f)\n",
        options.load.c_str(), dataset.train.size(), dataset.test.size(), dataset.train.channels,
        dataset.train.height, dataset.train.width, seconds[seconds.size() / 2], options.repetitions,
        seconds.front(), seconds.back());
    return kExitOk;
}

}  // namespace

int runBenchCommand(const BenchOptions& options) {
    const ThreadSplit split = modelInfo(options.model).threadSplit;  // throws for an unknown model
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int threads = options.threads > 0 ? options.threads : cores;
    if (options.calibrate && (options.profile || !options.load.empty())) {
        throw ConfigError("--calibrate times the thread splits; it does not go with --profile or --load");
    }
    if (!options.load.empty()) return runLoad(options);
    if (options.profile) return runProfile(options, threads);

    // The calibration file is read first, so that a broken one is reported before any measuring.
    ThreadCalibration calibration(ComputeDevice::machineKey());
    const std::string calibrationPath = ThreadCalibration::defaultPath();
    try {
        calibration.load(calibrationPath);
    } catch (const ConfigError& e) {
        throw ConfigError(std::string(e.what()) + "; remove it to measure again");
    }
    const auto calibrated = calibration.find(options.model, options.channels, threads);

    // The baseline is what a program gets by default: both pools at one thread per core.
    const std::string n = std::to_string(threads);
    const MatmulThreads matmul = ComputeDevice::matmulThreads();
    const ThreadPools chosen = calibrated ? calibrated->pools : ThreadPolicy::choose(split, threads, matmul);
    std::vector<ThroughputBenchmark::Setting> settings = {
        {"both pools at " + n + " (baseline)", threads, threads},
        {"LibTorch " + n + ", BLAS 1", threads, 1},
        {"LibTorch 1, BLAS " + n, 1, threads},
        {"single thread", 1, 1},
    };
    // At one thread the settings are one and the same: measure it once.
    const auto samePools = [](const auto& a, const auto& b) {
        return a.libtorchThreads == b.libtorchThreads && a.blasThreads == b.blasThreads;
    };
    for (auto it = settings.begin() + 1; it != settings.end();) {
        const bool seen = std::any_of(settings.begin(), it, [&](const auto& s) { return samePools(s, *it); });
        it = seen ? settings.erase(it) : it + 1;
    }
    for (auto& setting : settings) {
        if (setting.libtorchThreads == chosen.libtorch && setting.blasThreads == chosen.blas) {
            setting.label += calibrated ? " (Shatter's, calibrated)" : " (Shatter's policy)";
        }
    }
    std::printf("matrix products run in %s\n",
                matmul == MatmulThreads::BlasPool
                    ? "OpenBLAS's thread pool"
                    : "LibTorch's thread pool (BLAS thread settings have no effect)");
    std::printf("training throughput, %s, batch %d, %d samples x %d repetitions (median)\n",
                options.model.c_str(), options.batchSize, options.samples, options.repetitions);
    const OtherCpuUse otherWork;
    const auto results =
        ThroughputBenchmark::run(options.model, options.channels, options.batchSize,
                                 options.samples, options.repetitions, settings);
    const double otherCores = otherWork.coresSinceStart();
    const double baseline = results.front().samplesPerSecond;
    for (const auto& result : results) {
        std::printf("  %-40s %10.0f samples/s  %5.2fx\n", result.setting.label.c_str(),
                    result.samplesPerSecond, result.samplesPerSecond / baseline);
    }
    std::printf("other programs meanwhile: %.1f of %d cores busy\n", otherCores, cores);
    if (!options.calibrate) return kExitOk;
    const auto best = std::max_element(results.begin(), results.end(), [](const auto& a, const auto& b) {
        return a.samplesPerSecond < b.samplesPerSecond;
    });
    const ThreadPools pools{best->setting.libtorchThreads, best->setting.blasThreads};
    calibration.record(options.model, options.channels, threads,
                       {pools, best->samplesPerSecond, utcNow("%Y-%m-%dT%H:%M:%SZ")});
    calibration.save(calibrationPath);
    std::printf("calibrated: %s, %d channel%s, %d thread%s -> %s, in %s\n", options.model.c_str(),
                options.channels, options.channels == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                ThreadPolicy::describe(pools, matmul).c_str(), calibrationPath.c_str());
    std::printf("  machine: %s\n", calibration.machine().c_str());
    // Other work on the cores decides which split wins (one thread beats two when the second
    // core is taken), and that is not what later runs will find.
    if (otherCores > 0.25 * cores) {
        std::printf("  note: other programs kept %.1f of the %d cores busy while measuring; calibrate again "
                    "when the machine is idle\n", otherCores, cores);
    }
    return kExitOk;
}

}  // namespace shatter
