#include "train/epoch_pacer.h"

#include <algorithm>
#include <cmath>
#include <thread>

namespace shatter {

void EpochPacer::setInterval(double seconds) {
    m_interval = std::isfinite(seconds) && seconds > 0.0 ? seconds : 0.0;
}

void EpochPacer::start(Clock::time_point now) {
    m_scheduledInterval = m_interval;
    m_anchor = now;
    m_anchorEpoch = 0;
    m_lastWaitEnded = now;
}

void EpochPacer::postpone(Clock::duration paused) {
    m_anchor += paused;
    m_lastWaitEnded += paused;
}

EpochPacer::Clock::time_point EpochPacer::deadline(int epoch) const {
    const std::chrono::duration<double> offset((epoch - m_anchorEpoch) * m_scheduledInterval);
    return m_anchor + std::chrono::duration_cast<Clock::duration>(offset);
}

EpochPacer::Clock::duration EpochPacer::waitAfter(int epoch,
                                                  const std::function<bool()>& interrupted) {
    const Clock::time_point began = Clock::now();
    Clock::time_point now = began;
    for (;;) {
        const double wanted = m_interval;
        if (wanted != m_scheduledInterval) {
            // A new pace counts from the start of the epoch in progress.
            m_scheduledInterval = wanted;
            m_anchor = m_lastWaitEnded;
            m_anchorEpoch = epoch - 1;
        }
        if (m_scheduledInterval <= 0.0) break;
        // An epoch that ended late is not waited for: the next ones catch up, so that a run
        // paced to a duration still lasts about that long on a busy machine.
        const Clock::time_point due = deadline(epoch);
        if (now >= due) break;
        if (interrupted()) break;
        std::this_thread::sleep_for(std::min<Clock::duration>(due - now, kSlice));
        now = Clock::now();
    }
    m_lastWaitEnded = Clock::now();
    return m_lastWaitEnded - began;
}

}  // namespace shatter
