#pragma once

#include <string>
#include <vector>

#include "train/epoch_metrics.h"

namespace shatter {

// metrics.csv: one row per finished epoch, "epoch" and then the columns of MetricColumn::all().
// NaN (an empty subset) is written as an empty field.
class MetricsCsv {
public:
    static const std::string& header();
    static std::string formatRow(const EpochMetrics& metrics);
    // Parses a whole file. A last line without its newline (a process killed mid-write) is
    // ignored and reported through `cutShort`; an empty file, a wrong header, an epoch that is
    // not a whole number from 1 to 100000 or any other malformed row throws RunStoreError naming
    // `origin` and the line.
    static std::vector<EpochMetrics> parse(const std::string& text, const std::string& origin,
                                           bool* cutShort = nullptr);
};

}  // namespace shatter
