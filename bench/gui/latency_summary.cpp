#include "latency_summary.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace shatter::bench {

namespace {

// Nearest rank: the value at position ceil(fraction * n) of the sorted samples, counted from 1.
double percentile(const std::vector<double>& sorted, double fraction) {
    const auto rank = std::size_t(std::ceil(fraction * double(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

LatencySummary LatencySummary::of(std::vector<double> samples) {
    LatencySummary summary;
    if (samples.empty()) return summary;
    std::sort(samples.begin(), samples.end());
    summary.count = int(samples.size());
    summary.mean = std::accumulate(samples.begin(), samples.end(), 0.0) / double(samples.size());
    summary.p50 = percentile(samples, 0.50);
    summary.p99 = percentile(samples, 0.99);
    summary.max = samples.back();
    return summary;
}

}  // namespace shatter::bench
