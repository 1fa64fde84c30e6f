#include "replay/replay_clock.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "shatter_error.h"

namespace shatter {

const std::vector<double>& ReplayClock::speeds() {
    static const std::vector<double> list = {1.0, 2.0, 5.0, 10.0, 50.0};
    return list;
}

double ReplayClock::faster(double speed) {
    for (double offered : speeds()) {
        if (offered > speed) return offered;
    }
    return std::max(speed, speeds().back());
}

double ReplayClock::slower(double speed) {
    const std::vector<double>& list = speeds();
    for (auto offered = list.rbegin(); offered != list.rend(); ++offered) {
        if (*offered < speed) return *offered;
    }
    return std::min(speed, list.front());
}

ReplayClock::ReplayClock(ReplayTimeline timeline) : m_timeline(std::move(timeline)) {}

void ReplayClock::anchor(double now) {
    m_anchorPosition = position(now);
    m_anchorWall = now;
}

void ReplayClock::setSpeed(double speed, double now) {
    if (!std::isfinite(speed) || speed <= 0.0) {
        throw ConfigError("replay speed " + std::to_string(speed) + ": expected a positive number");
    }
    anchor(now);
    m_speed = speed;
}

void ReplayClock::play(double now) {
    if (m_playing) return;
    if (atEnd(now)) {
        m_anchorPosition = 0.0;
    } else {
        anchor(now);
    }
    m_anchorWall = now;
    m_playing = true;
}

void ReplayClock::pause(double now) {
    if (!m_playing) return;
    anchor(now);
    m_playing = false;
}

void ReplayClock::seek(int epoch, double now) {
    if (epoch < 0 || epoch > m_timeline.epochCount()) {
        throw ConfigError("replay epoch " + std::to_string(epoch) + ": expected 0 to " +
                          std::to_string(m_timeline.epochCount()));
    }
    m_anchorPosition = m_timeline.endOf(epoch);
    m_anchorWall = now;
}

double ReplayClock::position(double now) const {
    if (!m_playing) return m_anchorPosition;
    const double moved = std::max(0.0, now - m_anchorWall) * m_speed;
    return std::min(m_timeline.totalSeconds(), m_anchorPosition + moved);
}

bool ReplayClock::atEnd(double now) const { return epoch(now) >= m_timeline.epochCount(); }

double ReplayClock::secondsLeft(double now) const {
    return std::max(0.0, m_timeline.totalSeconds() - position(now)) / m_speed;
}

double ReplayClock::secondsToNextEpoch(double now) const {
    const int shown = epoch(now);
    if (shown >= m_timeline.epochCount()) return 0.0;
    return std::max(0.0, m_timeline.endOf(shown + 1) - position(now)) / m_speed;
}

}  // namespace shatter
