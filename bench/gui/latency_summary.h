#pragma once

#include <vector>

namespace shatter::bench {

// Order statistics of a list of durations in milliseconds; all zero when the list is empty.
// Percentiles are nearest-rank: p99 is the smallest value at or above 99% of the samples.
struct LatencySummary {
    int count = 0;
    double mean = 0.0;
    double p50 = 0.0;
    double p99 = 0.0;
    double max = 0.0;

    static LatencySummary of(std::vector<double> samples);
};

}  // namespace shatter::bench
