#pragma once

#include <QApplication>
#include <QString>
#include <map>

namespace shatter::bench {

// A QApplication that times each event the GUI thread dispatches from its event loop (the
// outermost notify(), so that the events a handler sends on are part of its time), by receiver
// and event type: "TrainingController MetaCall", "QCustomPlot#comparePlot MetaCall", ... A
// receiver is named by its class and the nearest object name above it.
class TimedApplication : public QApplication {
public:
    struct Cost {
        int count = 0;
        double totalMs = 0.0;
        double maxMs = 0.0;
        double cpuTotalMs = 0.0;  // the GUI thread's CPU time
        double cpuMaxMs = 0.0;
    };

    TimedApplication(int& argc, char** argv) : QApplication(argc, argv) {}

    bool notify(QObject* receiver, QEvent* event) override;
    // Times events from now on, forgetting the costs so far; off again with false.
    void setRecording(bool recording) {
        if (recording) m_costs.clear();
        m_recording = recording;
    }
    const std::map<QString, Cost>& costs() const { return m_costs; }

private:
    static QString nameOf(const QObject* receiver, const QEvent* event);

    bool m_recording = false;
    int m_depth = 0;
    std::map<QString, Cost> m_costs;
};

}  // namespace shatter::bench
