#include "replot_probe.h"

#include <QWidget>
#include <ctime>
#include <qcustomplot.h>

namespace shatter::bench {

void ReplotProbe::watch(QWidget* root) {
    for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) {
        if (!m_watched.contains(plot)) attach(plot);
    }
}

void ReplotProbe::attach(QCustomPlot* plot) {
    m_watched.insert(plot);
    connect(plot, &QObject::destroyed, this, [this, plot]() {
        m_watched.remove(plot);
        m_started.remove(plot);
    });
    connect(plot, &QCustomPlot::beforeReplot, this, [this, plot]() {
        Start& start = m_started[plot];
        start.cpuMs = threadCpuMs();
        start.wall.start();
    });
    connect(plot, &QCustomPlot::afterReplot, this, [this, plot]() {
        const auto started = m_started.find(plot);
        if (started == m_started.end() || !started->wall.isValid()) return;
        const QString name = nameOf(plot);
        m_times[name].push_back(double(started->wall.nsecsElapsed()) / 1e6);
        m_cpuTimes[name].push_back(threadCpuMs() - started->cpuMs);
        started->wall.invalidate();
    });
}

double ReplotProbe::threadCpuMs() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QString ReplotProbe::nameOf(const QCustomPlot* plot) {
    for (const QObject* object = plot; object; object = object->parent()) {
        if (!object->objectName().isEmpty()) return object->objectName();
    }
    return "unnamed";
}

}  // namespace shatter::bench
