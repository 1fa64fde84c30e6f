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
    // ignored; any other malformed row throws RunStoreError naming `origin` and the line.
    static std::vector<EpochMetrics> parse(const std::string& text, const std::string& origin);
};

}  // namespace shatter
