#include "replot_probe.h"

#include <QWidget>
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
    connect(plot, &QCustomPlot::beforeReplot, this, [this, plot]() { m_started[plot].start(); });
    connect(plot, &QCustomPlot::afterReplot, this, [this, plot]() {
        const auto started = m_started.find(plot);
        if (started == m_started.end() || !started->isValid()) return;
        m_times[nameOf(plot)].push_back(double(started->nsecsElapsed()) / 1e6);
        started->invalidate();
    });
}

QString ReplotProbe::nameOf(const QCustomPlot* plot) {
    for (const QObject* object = plot; object; object = object->parent()) {
        if (!object->objectName().isEmpty()) return object->objectName();
    }
    return "unnamed";
}

}  // namespace shatter::bench
