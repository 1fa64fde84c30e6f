#pragma once

#include <optional>
#include <vector>

namespace shatter {

// When a run's training examples were learned, memorized and forgotten, computed from its
// per-epoch predictions (MemorizationAnalysis). Epochs are 1-based; "fitted" and "correct" mean
// predicted as the label the example is taught (its assigned label).
struct MemorizationReport {
    // One group of examples: clean or corrupted.
    struct Group {
        int examples = 0;
        int fitted = 0;  // fitted at the last epoch
        // Fit epoch (the epoch from which an example stayed fitted to the end) of the fitted
        // examples: counts per epoch, index 0 for epoch 1; and quantiles, empty when none fitted.
        std::vector<int> fitEpochCounts;
        std::optional<double> fitEpochQ25, fitEpochMedian, fitEpochQ75, fitEpochQ90;
        // Forgetting events (correct at one epoch, wrong at the next; Toneva et al. 2019):
        // examples per number of events, index = events.
        std::vector<int> forgettingCounts;
        long long forgettingEvents = 0;
        int neverForgotten = 0;  // correct at some epoch and never forgotten
        int neverLearned = 0;    // never correct
    };

    int epochs = 0;
    int classCount = 0;
    std::vector<int> fitEpoch;          // per example; 0: not fitted at the last epoch
    std::vector<int> forgettingEvents;  // per example
    Group clean;
    Group corrupted;
    // Per epoch (index 0 for epoch 1), over corrupted examples; empty without corrupted ones.
    std::vector<double> corruptedAccuracy;  // against their assigned label
    std::vector<double>
        corruptedPredictedTrue;  // predicted as their true class (Arpit et al. 2017)
    std::optional<int> peakPredictedTrueEpoch;
    double peakPredictedTrue = 0.0;
    // Corrupted examples at the last epoch: count[true class][predicted class].
    std::vector<std::vector<int>> corruptedConfusion;
};

}  // namespace shatter
