#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "train/epoch_metrics.h"
#include "train/run_summary.h"

namespace shatter {

// What the trainer knows once the data and model are ready, before the first batch.
struct RunStart {
    std::string device;               // "CPU, 2 threads (OpenBLAS 2, LibTorch 1)", "CUDA GPU (1 visible)"
    std::string libtorchVersion;
    std::int64_t parameters = 0;      // paper convention (see ModelFactory)
    std::int64_t trainableParameters = 0;
    int trainExamples = 0;
    int testExamples = 0;
    int corruptedExamples = 0;
    int epochs = 0;
    int batchesPerEpoch = 0;
};

// Progress inside an epoch, reported a few times a second at most.
struct BatchProgress {
    int epoch = 0;
    int batch = 0;
    int batchesPerEpoch = 0;
    double runningLoss = 0.0;
    double elapsedSeconds = 0.0;      // since the run started
};

// The end of an epoch: the metrics and, per training example, the current prediction and the
// first epoch from which it has stayed fitted (0: not fitted now).
struct EpochReport {
    EpochMetrics metrics;
    std::vector<int> predictions;
    std::vector<int> fittedSince;
    double elapsedSeconds = 0.0;  // since the run started, pauses and pacing included
    bool pausedAfter = false;     // a step ended with this epoch: the trainer is paused now
};

// The trainer calls these on its own thread; implementations must not block for long.
class TrainingObserver {
public:
    virtual ~TrainingObserver() = default;
    virtual void onStarted(const RunStart&) {}
    virtual void onProgress(const BatchProgress&) {}
    virtual void onEpoch(const EpochReport&) {}
    virtual void onFinished(const RunSummary&) {}
};

}  // namespace shatter
