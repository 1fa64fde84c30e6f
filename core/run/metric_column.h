#pragma once

#include <string>
#include <vector>

#include "train/epoch_metrics.h"

namespace shatter {

// One per-epoch metric: a member of EpochMetrics and its column of metrics.csv. all() is the
// one list of them; metrics.csv, the figures, the live charts, the comparison and the CLI's
// --metric all follow it, so a new metric is a new EpochMetrics member and one line in all().
struct MetricColumn {
    // How `shatter-cli show` prints the metric in its per-epoch table.
    struct TableCell {
        std::string heading;  // e.g. "tst_acc"
        int width = 9;
        std::string format;  // printf format of the value, e.g. "%.4f"
    };

    std::string key;       // the csv header name, e.g. "test_acc"
    std::string title;     // e.g. "Test accuracy"
    std::string unit;      // axis label, e.g. "accuracy (%)"
    bool percent = false;  // a fraction shown as a percentage
    double EpochMetrics::*member = nullptr;
    TableCell table;
    int csvDigits = 6;  // significant digits in metrics.csv

    double value(const EpochMetrics& metrics) const { return metrics.*member; }
    void setValue(EpochMetrics& metrics, double value) const { metrics.*member = value; }
    // The value to plot (percentages scaled by 100); NaN when the epoch has none.
    double plotValue(const EpochMetrics& metrics) const;
    // The csv field: the value to csvDigits significant digits, empty for NaN.
    std::string csvField(const EpochMetrics& metrics) const;
    // The value as `show` prints it (table.format), "-" for NaN; not padded.
    std::string tableText(const EpochMetrics& metrics) const;

    // Every column of metrics.csv after "epoch", in file order.
    static const std::vector<MetricColumn>& all();
    // nullptr when there is no column by that key.
    static const MetricColumn* find(const std::string& key);
};

}  // namespace shatter
