#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <map>
#include <vector>

class QCustomPlot;
class QWidget;

namespace shatter::bench {

// Times every QCustomPlot::replot() of the charts inside a window: the layout and the drawing of
// every layer into the plot's buffers (QCustomPlot's own "replot" work; a queued replot is timed
// when it runs), in wall-clock time and in the GUI thread's CPU time (which other processes on a
// busy machine do not stretch). Charts are named by the nearest object name above them ("live-accuracy",
// "comparePlot", ...). Charts made after watch() are found by calling watch() again.
class ReplotProbe : public QObject {
    Q_OBJECT

public:
    explicit ReplotProbe(QObject* parent = nullptr) : QObject(parent) {}

    // Starts timing the charts inside `root` not timed yet.
    void watch(QWidget* root);
    // Forgets the times so far (the charts stay watched).
    void clear() {
        m_times.clear();
        m_cpuTimes.clear();
    }
    // Milliseconds of each replot, by chart name: wall-clock, and the thread's CPU time.
    const std::map<QString, std::vector<double>>& times() const { return m_times; }
    const std::map<QString, std::vector<double>>& cpuTimes() const { return m_cpuTimes; }

    // This thread's CPU time in milliseconds.
    static double threadCpuMs();

private:
    void attach(QCustomPlot* plot);
    static QString nameOf(const QCustomPlot* plot);

    QSet<QCustomPlot*> m_watched;
    struct Start {
        QElapsedTimer wall;
        double cpuMs = 0.0;
    };
    QHash<QCustomPlot*, Start> m_started;
    std::map<QString, std::vector<double>> m_times;
    std::map<QString, std::vector<double>> m_cpuTimes;
};

}  // namespace shatter::bench
