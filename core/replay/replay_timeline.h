#pragma once

#include <vector>

namespace shatter {

// When each epoch of a stored run ends on a replay's 1× time line, in seconds from the start.
// 1× is the pace the run was trained at: each epoch lasts its recorded epoch_seconds (the
// training pass, pauses and pacing left out). Two fallbacks keep 1× usable in front of a class:
//   - a run trained faster than half a second per epoch on average is stretched, evenly, to
//     that average (a 1,000-example run would otherwise be over in a blink);
//   - a run that took longer than ten minutes in all (and more than half a second per epoch)
//     is squeezed, evenly, to ten minutes (a night of training is not replayed at 1×).
// A run with an epoch whose seconds are missing or not positive gets one second per epoch,
// then the same bounds. Stretching and squeezing keep the epochs' relative durations, and
// every speed divides the same time line, so 2× is twice as fast as 1× and 10× ten times.
class ReplayTimeline {
public:
    // How the 1× time line relates to the recorded one.
    enum class Pace { Recorded, Stretched, Squeezed, Uniform };

    static constexpr double kShortestSecondsPerEpoch = 0.5;
    static constexpr double kLongestTotalSeconds = 600.0;

    ReplayTimeline() = default;
    // One entry per epoch, in order: metrics.csv's epoch_seconds.
    static ReplayTimeline fromEpochSeconds(const std::vector<double>& epochSeconds);

    int epochCount() const { return static_cast<int>(m_ends.size()); }
    // Seconds on the 1× time line at which `epoch` (0..epochCount) has finished; 0 for 0.
    double endOf(int epoch) const;
    double totalSeconds() const { return m_ends.empty() ? 0.0 : m_ends.back(); }
    // The epochs finished by `seconds` on the 1× time line (0..epochCount).
    int epochsBy(double seconds) const;
    Pace pace() const { return m_pace; }

private:
    std::vector<double> m_ends;
    Pace m_pace = Pace::Recorded;
};

}  // namespace shatter
