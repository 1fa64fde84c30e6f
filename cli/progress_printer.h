#pragma once

#include <chrono>
#include <cstdio>

#include "train/training_observer.h"

namespace shatter {

// One line per epoch on a stream (stderr for shatter-cli): epoch, accuracies, speed and ETA.
class ProgressPrinter : public TrainingObserver {
public:
    explicit ProgressPrinter(std::FILE* stream) : m_stream(stream) {}

    void onStarted(const RunStart& start) override;
    void onEpoch(const EpochReport& report) override;
    void onFinished(const RunSummary& summary) override;

private:
    std::FILE* m_stream;
    int m_epochs = 0;
};

}  // namespace shatter
