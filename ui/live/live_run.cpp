#include "live/live_run.h"

#include "live/run_replay.h"
#include "live/training_controller.h"
#include "sweep/sweep_controller.h"

namespace shatter {

LiveRun::LiveRun(QObject* parent) : QObject(parent) {}

void LiveRun::follow(TrainingController* controller) {
    connect(controller, &TrainingController::runDirectoryCreated, this, &LiveRun::setDirectory);
    connect(controller, &TrainingController::started, this, &LiveRun::started);
    connect(controller, &TrainingController::progress, this, &LiveRun::progress);
    connect(controller, &TrainingController::epochEnded, this, &LiveRun::addEpoch);
    connect(controller, &TrainingController::finished, this, &LiveRun::finish);
    connect(controller, &TrainingController::failed, this, &LiveRun::fail);
    connect(controller, &TrainingController::stateChanged, this,
            [this](TrainingController::State state) {
                if (state == TrainingController::State::Idle) end();
            });
}

void LiveRun::follow(SweepController* sweeps) {
    connect(sweeps, &SweepController::pointStarted, this,
            [this](int, int, const QString&, const QString& runDirectory, int epochs) {
                begin(epochs);
                setDirectory(runDirectory);
            });
    connect(sweeps, &SweepController::started, this, &LiveRun::started);
    connect(sweeps, &SweepController::progress, this, &LiveRun::progress);
    connect(sweeps, &SweepController::epochEnded, this, &LiveRun::addEpoch);
    connect(sweeps, &SweepController::activeChanged, this, [this](bool active) {
        if (!active) end();
    });
}

void LiveRun::follow(RunReplay* replay) {
    connect(replay, &RunReplay::begun, this, [this, replay](int epochs) {
        begin(epochs);
        setReplayed(replay->directory());
    });
    connect(replay, &RunReplay::started, this, &LiveRun::started);
    connect(replay, &RunReplay::rewound, this, &LiveRun::rewind);
    connect(replay, &RunReplay::epochReplayed, this, &LiveRun::addEpoch);
    connect(replay, &RunReplay::finished, this, &LiveRun::finish);
    connect(replay, &RunReplay::activeChanged, this, [this](bool active) {
        if (!active) setReplayed({});
    });
}

void LiveRun::begin(int epochs) {
    m_history.begin(epochs);
    Q_EMIT begun(epochs);
}

void LiveRun::setDirectory(const QString& directory) {
    if (directory == m_directory) return;
    m_directory = directory;
    Q_EMIT directoryChanged(directory);
}

void LiveRun::addEpoch(const EpochReport& report) {
    m_history.add(report);
    Q_EMIT epochAdded(report);
}

void LiveRun::rewind() {
    m_history.begin(m_history.plannedEpochs());
    Q_EMIT rewound();
}

void LiveRun::setReplayed(const QString& directory) {
    if (directory == m_replayed) return;
    m_replayed = directory;
    Q_EMIT replayedChanged(directory);
}

void LiveRun::end() { setDirectory({}); }

void LiveRun::finish(const RunSummary& summary) { Q_EMIT finished(summary); }

void LiveRun::fail(const QString& message) { Q_EMIT failed(message); }

}  // namespace shatter
