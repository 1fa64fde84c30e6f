#include "event_loop_probe.h"

#include <QTimer>
#include <algorithm>

namespace shatter::bench {

EventLoopProbe::EventLoopProbe(int intervalMs, QObject* parent)
    : QObject(parent), m_timer(new QTimer(this)), m_intervalMs(intervalMs) {
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &EventLoopProbe::tick);
}

void EventLoopProbe::start() {
    m_lateness.clear();
    m_clock.start();
    m_previousNs = 0;
    m_timer->start();
}

void EventLoopProbe::stop() { m_timer->stop(); }

void EventLoopProbe::tick() {
    const qint64 now = m_clock.nsecsElapsed();
    const double gapMs = double(now - m_previousNs) / 1e6;
    m_previousNs = now;
    m_lateness.push_back(std::max(0.0, gapMs - m_intervalMs));
}

}  // namespace shatter::bench
