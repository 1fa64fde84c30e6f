#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/memorization_report.h"
#include "run/example_records.h"
#include "run/prediction_log.h"

namespace shatter {

// Computes a MemorizationReport from a run's per-epoch predictions and its example records
// (true and assigned labels, corrupted flags). Works on any number of finished epochs, so a
// run in progress or killed mid-way gives the report of the epochs it has.
class MemorizationAnalysis {
public:
    static MemorizationReport compute(const PredictionLog& predictions,
                                      const ExampleRecords& examples, int classCount);
    // Per example, the first epoch from which it has stayed fitted to its assigned label as of
    // `epoch` (0: not fitted then), as the trainer reported it in EpochReport::fittedSince.
    // Throws RunStoreError when `epoch` is beyond the predictions or the counts differ.
    static std::vector<int> fittedSince(const PredictionLog& predictions,
                                        const std::vector<int>& assignedLabels, int epoch);
    // Reads predictions.bin and examples.bin of a run folder; throws RunStoreError.
    static MemorizationReport forRunFolder(const std::string& runDirectory);
    // The q-quantile (0..1) of ascending values, linearly interpolated; empty for no values.
    static std::optional<double> quantile(const std::vector<int>& ascending, double q);
};

}  // namespace shatter
