#include "run/metric_column.h"

#include <cmath>
#include <cstdio>

namespace shatter {

double MetricColumn::plotValue(const EpochMetrics& metrics) const {
    const double raw = value(metrics);
    return percent ? 100.0 * raw : raw;
}

std::string MetricColumn::csvField(const EpochMetrics& metrics) const {
    const double raw = value(metrics);
    if (std::isnan(raw)) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*g", csvDigits, raw);
    return buffer;
}

std::string MetricColumn::tableText(const EpochMetrics& metrics) const {
    const double raw = value(metrics);
    if (std::isnan(raw)) return "-";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, table.format.c_str(), raw);
    return buffer;
}

const std::vector<MetricColumn>& MetricColumn::all() {
    using M = EpochMetrics;
    // In the order of metrics.csv.
    static const std::vector<MetricColumn> columns = {
        {"train_loss",
         "Training loss",
         "cross-entropy",
         false,
         &M::trainLoss,
         {"trn_loss", 9, "%.4f"}},
        {"train_acc",
         "Training accuracy",
         "accuracy (%)",
         true,
         &M::trainAcc,
         {"trn_acc", 9, "%.4f"}},
        {"train_acc_clean",
         "Training accuracy, clean examples",
         "accuracy (%)",
         true,
         &M::trainAccClean,
         {"clean", 9, "%.4f"}},
        {"train_acc_corrupted",
         "Training accuracy, corrupted examples",
         "accuracy (%)",
         true,
         &M::trainAccCorrupted,
         {"corrupt", 9, "%.4f"}},
        {"corrupted_predicted_true",
         "Corrupted examples predicted as their true class",
         "share (%)",
         true,
         &M::corruptedPredictedTrue,
         {"corr_true", 9, "%.4f"}},
        {"test_loss", "Test loss", "cross-entropy", false, &M::testLoss, {"tst_loss", 9, "%.4f"}},
        {"test_acc", "Test accuracy", "accuracy (%)", true, &M::testAcc, {"tst_acc", 9, "%.4f"}},
        {"gap", "Generalization gap", "train − test (%)", true, &M::gap, {"gap", 9, "%.4f"}},
        {"lr", "Learning rate", "learning rate", false, &M::lr, {"lr", 9, "%.5f"}},
        {"epoch_seconds",
         "Seconds per epoch",
         "seconds",
         false,
         &M::epochSeconds,
         {"seconds", 8, "%.2f"}},
        {"samples_per_second",
         "Training throughput",
         "samples per second",
         false,
         &M::samplesPerSecond,
         {"samples/s", 10, "%.0f"}},
    };
    return columns;
}

const MetricColumn* MetricColumn::find(const std::string& key) {
    for (const MetricColumn& column : all()) {
        if (column.key == key) return &column;
    }
    return nullptr;
}

}  // namespace shatter
