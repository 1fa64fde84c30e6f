#pragma once

#include <string>
#include <vector>

#include "run/run_info.h"
#include "train/epoch_metrics.h"
#include "train/run_config.h"
#include "train/run_summary.h"

namespace shatter {

// A run directory read back: settings, run facts, every finished epoch and how it ended.
// A run whose process died before summary.json was written has status "incomplete" and the
// numbers of its last finished epoch.
struct RunRecord {
    std::string directory;
    RunConfig config;
    RunInfo info;
    std::vector<EpochMetrics> epochs;
    RunSummary summary;
    bool hasSummary = false;
    bool hasExamples = false;
    bool hasPredictions = false;  // predictions.bin: every example's prediction per epoch
};

}  // namespace shatter
