#pragma once

#include <chrono>
#include <cstdio>

#include "pipeline/run_observer.h"

namespace shatter {

// One line per epoch on a stream (stderr for shatter-cli): epoch, accuracies, speed and ETA;
// before that, the dataset being loaded.
class ProgressPrinter : public RunObserver {
public:
    explicit ProgressPrinter(std::FILE* stream) : m_stream(stream) {}

    void onLoadingData(const std::string& spec) override;
    void onStarted(const RunStart& start) override;
    void onEpoch(const EpochReport& report) override;
    void onFinished(const RunSummary& summary) override;

private:
    std::FILE* m_stream;
    int m_epochs = 0;
};

}  // namespace shatter
