#include "replay/replay_timeline.h"

#include <algorithm>
#include <cmath>

namespace shatter {

ReplayTimeline ReplayTimeline::fromEpochSeconds(const std::vector<double>& epochSeconds) {
    ReplayTimeline timeline;
    const bool recorded = std::all_of(epochSeconds.begin(), epochSeconds.end(),
                                      [](double s) { return std::isfinite(s) && s > 0.0; });
    std::vector<double> seconds = epochSeconds;
    if (!recorded) {
        std::fill(seconds.begin(), seconds.end(), 1.0);
        timeline.m_pace = Pace::Uniform;
    }
    double total = 0.0;
    for (double s : seconds) total += s;
    const double shortest = kShortestSecondsPerEpoch * static_cast<double>(seconds.size());
    const double longest = std::max(shortest, kLongestTotalSeconds);
    double scale = 1.0;
    if (total > 0.0 && total < shortest) {
        scale = shortest / total;
        if (recorded) timeline.m_pace = Pace::Stretched;
    } else if (total > longest) {
        scale = longest / total;
        if (recorded) timeline.m_pace = Pace::Squeezed;
    }
    double end = 0.0;
    for (double s : seconds) {
        end += s * scale;
        timeline.m_ends.push_back(end);
    }
    return timeline;
}

double ReplayTimeline::endOf(int epoch) const {
    if (epoch <= 0 || m_ends.empty()) return 0.0;
    return m_ends[static_cast<std::size_t>(std::min(epoch, epochCount()) - 1)];
}

int ReplayTimeline::epochsBy(double seconds) const {
    // A small tolerance, so that a position set to an epoch's end counts that epoch as finished.
    const double at = seconds + 1e-9 * std::max(1.0, totalSeconds());
    return static_cast<int>(std::upper_bound(m_ends.begin(), m_ends.end(), at) - m_ends.begin());
}

}  // namespace shatter
