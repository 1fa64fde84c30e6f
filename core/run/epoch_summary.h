#pragma once

#include <vector>

#include "train/epoch_metrics.h"
#include "train/run_summary.h"

namespace shatter {

// What a run's epochs say before summary.json exists (a run in progress, or one whose process
// died): status incomplete, the last epoch's numbers, the mean speed and the first epoch whose
// training accuracy reached `fitThreshold`.
RunSummary summarizeEpochs(const std::vector<EpochMetrics>& epochs, double fitThreshold);

}  // namespace shatter
