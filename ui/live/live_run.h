#pragma once

#include <QObject>
#include <QString>

#include "live/training_types.h"
#include "run/run_history.h"

namespace shatter {

class RunReplay;
class SweepController;
class TrainingController;

// The run the window follows, a single run or a sweep's current point: its RunHistory, fed on
// the GUI thread by the controllers' signals, and the signals that tell the views it changed.
// The live charts, the gallery, the status bar and the RUNS row all read it.
class LiveRun : public QObject {
    Q_OBJECT

public:
    explicit LiveRun(QObject* parent = nullptr);

    // Feeds this run from a controller's signals.
    void follow(TrainingController* controller);
    void follow(SweepController* sweeps);
    // Feeds this run from a stored run's replay: no training, the same views.
    void follow(RunReplay* replay);

    // A new run of `epochs` epochs; its folder follows once it exists.
    void begin(int epochs);
    void setDirectory(const QString& directory);
    void addEpoch(const EpochReport& report);
    // The same run from its start again (a replay moved back): its epochs go; its planned
    // epochs, its data in the gallery and its folder stay.
    void rewind();
    // The stored run being replayed, for the charts' caption; empty when none. A replayed run
    // is not "in progress": directory() stays empty.
    void setReplayed(const QString& directory);
    // No run in progress any more; the history stays for the charts.
    void end();
    // How the run ended: its summary, or why it could not start or failed (both may come).
    void finish(const RunSummary& summary);
    void fail(const QString& message);

    const RunHistory& history() const { return m_history; }
    // The folder of the run in progress; empty when none.
    QString directory() const { return m_directory; }
    QString replayed() const { return m_replayed; }

Q_SIGNALS:
    void begun(int epochs);
    void directoryChanged(const QString& directory);
    void rewound();
    void replayedChanged(const QString& directory);
    void started(const shatter::RunStart& start);
    void progress(const shatter::BatchProgress& progress);
    void epochAdded(const shatter::EpochReport& report);
    void finished(const shatter::RunSummary& summary);
    void failed(const QString& message);

private:
    RunHistory m_history;
    QString m_directory;
    QString m_replayed;
};

}  // namespace shatter
