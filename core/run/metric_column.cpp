#include "run/metric_column.h"

namespace shatter {

double MetricColumn::plotValue(const EpochMetrics& metrics) const {
    const double value = read ? read(metrics) : NAN;
    return percent ? 100.0 * value : value;
}

const std::vector<MetricColumn>& MetricColumn::all() {
    // In the order of metrics.csv (MetricsCsv::header()).
    static const std::vector<MetricColumn> columns = {
        {"train_loss", "Training loss", "cross-entropy", false,
         [](const EpochMetrics& m) { return m.trainLoss; }},
        {"train_acc", "Training accuracy", "accuracy (%)", true,
         [](const EpochMetrics& m) { return m.trainAcc; }},
        {"train_acc_clean", "Training accuracy, clean", "accuracy (%)", true,
         [](const EpochMetrics& m) { return m.trainAccClean; }},
        {"train_acc_corrupted", "Training accuracy, corrupted", "accuracy (%)", true,
         [](const EpochMetrics& m) { return m.trainAccCorrupted; }},
        {"corrupted_predicted_true", "Corrupted examples predicted as true class", "share (%)",
         true, [](const EpochMetrics& m) { return m.corruptedPredictedTrue; }},
        {"test_loss", "Test loss", "cross-entropy", false,
         [](const EpochMetrics& m) { return m.testLoss; }},
        {"test_acc", "Test accuracy", "accuracy (%)", true,
         [](const EpochMetrics& m) { return m.testAcc; }},
        {"gap", "Generalization gap", "train − test (%)", true,
         [](const EpochMetrics& m) { return m.gap; }},
        {"lr", "Learning rate", "learning rate", false, [](const EpochMetrics& m) { return m.lr; }},
        {"epoch_seconds", "Seconds per epoch", "seconds", false,
         [](const EpochMetrics& m) { return m.epochSeconds; }},
        {"samples_per_second", "Training speed", "samples / s", false,
         [](const EpochMetrics& m) { return m.samplesPerSecond; }},
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
