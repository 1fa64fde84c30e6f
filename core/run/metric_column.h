#pragma once

#include <string>
#include <vector>

#include "train/epoch_metrics.h"

namespace shatter {

// One column of metrics.csv, for plots that let the user pick the metric.
struct MetricColumn {
    std::string key;       // the csv header name, e.g. "test_acc"
    std::string title;     // e.g. "Test accuracy"
    std::string unit;      // axis label, e.g. "accuracy (%)"
    bool percent = false;  // a fraction shown as a percentage
    double (*read)(const EpochMetrics&) = nullptr;

    // The value to plot (percentages scaled by 100); NaN when the epoch has none.
    double plotValue(const EpochMetrics& metrics) const;

    // Every column of metrics.csv except "epoch", in file order.
    static const std::vector<MetricColumn>& all();
    // nullptr when there is no column by that key.
    static const MetricColumn* find(const std::string& key);
};

}  // namespace shatter
