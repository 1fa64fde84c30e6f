#pragma once

#include <cmath>

namespace shatter {

// One row of metrics.csv: what the trainer measured at the end of an epoch. Accuracies are
// fractions in [0, 1]; a subset that is empty (no corrupted examples, say) reads NaN.
struct EpochMetrics {
    int epoch = 0;                         // 1-based
    double trainLoss = NAN;                // whole training set, against the assigned labels
    double trainAcc = NAN;
    double trainAccClean = NAN;            // examples whose label and input are untouched
    double trainAccCorrupted = NAN;        // memorization: corrupted examples fitted
    double corruptedPredictedTrue = NAN;   // corrupted examples predicted as their true class
    double testLoss = NAN;
    double testAcc = NAN;
    double gap = NAN;                      // trainAcc - testAcc
    double lr = NAN;                       // learning rate used during the epoch
    double epochSeconds = NAN;             // training pass only
    double samplesPerSecond = NAN;         // training samples per second
};

}  // namespace shatter
