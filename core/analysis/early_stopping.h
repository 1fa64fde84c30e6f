#pragma once

#include <optional>
#include <vector>

#include "train/epoch_metrics.h"

namespace shatter {

// Early stopping, the paper's implicit regularizer (docs/PAPER.md §4): the epoch of best test
// accuracy and what stopping there would have given, against the run's last epoch.
struct EarlyStopping {
    int bestEpoch = 0;
    double bestTestAcc = 0.0;  // fractions
    double trainAccThen = 0.0;
    double lastTestAcc = 0.0;
    int lastEpoch = 0;

    double gain() const { return bestTestAcc - lastTestAcc; }
    // Empty when no epoch has a test accuracy. Ties go to the earlier epoch.
    static std::optional<EarlyStopping> of(const std::vector<EpochMetrics>& epochs);
};

}  // namespace shatter
