#include "live/live_run.h"

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

void LiveRun::end() { setDirectory({}); }

void LiveRun::finish(const RunSummary& summary) { Q_EMIT finished(summary); }

void LiveRun::fail(const QString& message) { Q_EMIT failed(message); }

}  // namespace shatter
