#pragma once

#include <string>
#include <vector>

#include "figure/figure_data.h"
#include "run/run_record.h"

namespace shatter {

struct MetricColumn;

// Turns run folders into plots: any per-epoch metric of metrics.csv overlaid across runs, and
// the three panels of the paper's Figure 1.
class FigureBuilder {
public:
    // Per-epoch metrics (the columns of metrics.csv), the panels of Figure 1: loss_by_mode (a),
    // epochs_to_fit and slowdown (b), test_error (c), figure1: all three side by side, and the
    // memorization histograms.
    static const std::vector<std::string>& metricNames();
    static bool isSummaryMetric(const std::string& name);
    // fit_epoch_histogram and forgetting_distribution: from each run's predictions.bin.
    static bool isMemorizationMetric(const std::string& name);
    // Any metric name above but figure1 (three panels); throws ConfigError listing the valid names.
    static FigureData metric(const std::vector<RunRecord>& runs, const std::string& name);
    // The panels a metric name draws: figure1's three, or the one figure of any other name.
    static std::vector<FigureData> panels(const std::vector<RunRecord>& runs, const std::string& name);
    // Figure 1's panels (a), (b) (in epochs, or as slowdown) and (c), in that order.
    static std::vector<FigureData> figure1(const std::vector<RunRecord>& runs, bool slowdown);

    // (a) training loss per epoch for true labels and each corruption mode at its highest level
    // (random labels, shuffled pixels, random pixels, Gaussian), per model.
    static FigureData trainingLossByMode(const std::vector<RunRecord>& runs);
    // (b) epochs to fit against the corruption level; as a slowdown factor relative to level 0.
    static FigureData timeToFit(const std::vector<RunRecord>& runs, bool slowdown);
    // Per run, clean and corrupted examples: how many stayed fitted from each epoch on, or how
    // many were forgotten 0, 1, 2... times (MemorizationAnalysis).
    static FigureData memorization(const std::vector<RunRecord>& runs, bool forgetting);
    // (c) final test error against the corruption level.
    static FigureData testError(const std::vector<RunRecord>& runs);

    // One metric of a run per epoch, in plot units; epochs without a finite value are left out.
    static FigureData::Series epochSeries(const std::vector<EpochMetrics>& epochs,
                                          const MetricColumn& column);

    // A short name for a run in a legend: "random labels", "labels 40%", "true labels",
    // prefixed with the model when `withModel`.
    static std::string runLabel(const RunRecord& run, bool withModel);
};

}  // namespace shatter
