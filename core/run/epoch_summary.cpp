#include "run/epoch_summary.h"

#include <cmath>

namespace shatter {

RunSummary summarizeEpochs(const std::vector<EpochMetrics>& epochs, double fitThreshold) {
    RunSummary summary;
    summary.status = RunStatus::Incomplete;
    summary.epochs = static_cast<int>(epochs.size());
    if (epochs.empty()) {
        summary.trainAcc = summary.testAcc = summary.gap = summary.samplesPerSecond = NAN;
        return summary;
    }
    const EpochMetrics& last = epochs.back();
    summary.trainAcc = last.trainAcc;
    summary.testAcc = last.testAcc;
    summary.gap = last.gap;
    double speed = 0.0;
    for (const EpochMetrics& m : epochs) {
        speed += m.samplesPerSecond;
        if (!summary.epochsToFit && m.trainAcc >= fitThreshold) summary.epochsToFit = m.epoch;
    }
    summary.samplesPerSecond = speed / static_cast<double>(epochs.size());
    return summary;
}

}  // namespace shatter
