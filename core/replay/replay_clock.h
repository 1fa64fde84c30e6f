#pragma once

#include <vector>

#include "replay/replay_timeline.h"

namespace shatter {

// Where a replay stands: a position on the run's 1× time line (ReplayTimeline) that moves at
// `speed` times the wall clock while playing and stands still while paused. The wall clock is
// the caller's: every call takes `now`, in seconds from any fixed origin, so tests drive it by
// hand. Reaching the last epoch stops the clock there.
class ReplayClock {
public:
    // The speeds offered, slowest first: 1×, 2×, 5×, 10×, 50×.
    static const std::vector<double>& speeds();
    // The next speed up or down the list from `speed` (the same at either end).
    static double faster(double speed);
    static double slower(double speed);

    explicit ReplayClock(ReplayTimeline timeline = {});

    const ReplayTimeline& timeline() const { return m_timeline; }
    double speed() const { return m_speed; }
    // From `now` on; throws ConfigError for a speed that is not a positive number.
    void setSpeed(double speed, double now);
    bool isPlaying() const { return m_playing; }
    // Playing at the last epoch starts again from the first.
    void play(double now);
    void pause(double now);
    // Moves to the end of `epoch` (0: the start); throws ConfigError outside 0..epochCount.
    void seek(int epoch, double now);

    // Seconds on the 1× time line at `now`.
    double position(double now) const;
    // The epochs finished at `now`.
    int epoch(double now) const { return m_timeline.epochsBy(position(now)); }
    bool atEnd(double now) const;
    // Wall seconds from `now` until the last epoch at the current speed.
    double secondsLeft(double now) const;
    // Wall seconds from `now` until the next epoch finishes at the current speed; 0 at the end.
    double secondsToNextEpoch(double now) const;

private:
    // Takes the position at `now` as the new starting point.
    void anchor(double now);

    ReplayTimeline m_timeline;
    double m_speed = 1.0;
    bool m_playing = false;
    double m_anchorPosition = 0.0;  // on the 1× time line
    double m_anchorWall = 0.0;      // the wall time at which the position was m_anchorPosition
};

}  // namespace shatter
