#include "timed_application.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QMetaEnum>
#include <QThread>
#include <algorithm>

#include "replot_probe.h"

namespace shatter::bench {

bool TimedApplication::notify(QObject* receiver, QEvent* event) {
    if (!m_recording || m_depth > 0 || QThread::currentThread() != thread())
        return QApplication::notify(receiver, event);
    const QString name = nameOf(receiver, event);
    const double cpuStart = ReplotProbe::threadCpuMs();
    QElapsedTimer clock;
    clock.start();
    ++m_depth;
    const bool handled = QApplication::notify(receiver, event);
    --m_depth;
    const double ms = double(clock.nsecsElapsed()) / 1e6;
    const double cpuMs = ReplotProbe::threadCpuMs() - cpuStart;
    Cost& cost = m_costs[name];
    ++cost.count;
    cost.totalMs += ms;
    cost.maxMs = std::max(cost.maxMs, ms);
    cost.cpuTotalMs += cpuMs;
    cost.cpuMaxMs = std::max(cost.cpuMaxMs, cpuMs);
    return handled;
}

QString TimedApplication::nameOf(const QObject* receiver, const QEvent* event) {
    QString name = receiver->metaObject()->className();
    for (const QObject* object = receiver; object; object = object->parent()) {
        if (!object->objectName().isEmpty()) {
            name += "#" + object->objectName();
            break;
        }
    }
    const char* type = QMetaEnum::fromType<QEvent::Type>().valueToKey(event->type());
    return name + " " + (type ? QString(type) : QString::number(int(event->type())));
}

}  // namespace shatter::bench
