#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <vector>

class QTimer;

namespace shatter::bench {

// How late the GUI thread's event loop serves a repeating timer: every `intervalMs` a precise
// QTimer fires, and each tick's lateness is the time since the previous tick less the interval
// (Qt schedules the next tick an interval after a late one, so delays do not pile up).
class EventLoopProbe : public QObject {
    Q_OBJECT

public:
    explicit EventLoopProbe(int intervalMs, QObject* parent = nullptr);

    void start();
    void stop();
    // The lateness of each tick since start(), in milliseconds (never negative).
    const std::vector<double>& lateness() const { return m_lateness; }

private:
    void tick();

    QTimer* m_timer;
    QElapsedTimer m_clock;
    qint64 m_previousNs = 0;
    int m_intervalMs;
    std::vector<double> m_lateness;
};

}  // namespace shatter::bench
