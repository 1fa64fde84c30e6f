#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <QObject>
#include <QString>

#include "data/dataset.h"
#include "train/epoch_pace.h"
#include "train/run_config.h"
#include "live/training_types.h"

namespace shatter {

class RunPipeline;

// Runs one training run at a time (a RunPipeline) on a worker thread, keeping the last dataset in
// memory between runs of the same source. The pipeline's reports arrive on the GUI thread as
// signals carrying plain structs. Stop, pause, step, the learning rate and the pace go to the
// pipeline, which holds them until its trainer exists.
class TrainingController : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Preparing, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    // Where run directories go: $XDG_DATA_HOME/shatter/runs (default ~/.local/share/shatter/runs).
    static QString runsRoot();

    State state() const { return m_state; }
    bool isActive() const { return m_state != State::Idle; }
    QString runDirectory() const { return m_runDirectory; }
    const RunConfig& config() const { return m_config; }

    // Starts a run (ignored while one is active). Errors arrive through failed().
    void start(const RunConfig& config);
    // Running <-> Paused; ignored in the other states.
    void setPaused(bool paused);
    // While paused: trains one more epoch and pauses again (Paused -> Running -> Paused, with
    // stateChanged each time); ignored in the other states.
    void step();
    void stop();
    void setLearningRate(double learningRate);
    // How fast epochs follow each other, for this run (from its current epoch) and the next.
    void setPace(const EpochPace& pace);
    EpochPace pace() const { return m_pace; }
    // Stops the run and waits for the worker; the run directory keeps every finished epoch.
    void shutdown();

    // Loads a dataset on a background thread (cached) and emits datasetLoaded or failed.
    void preloadDataset(const QString& spec);

Q_SIGNALS:
    void stateChanged(shatter::TrainingController::State state);
    void dataPrepared(const shatter::SharedCorruptedDataset& data);
    void runDirectoryCreated(const QString& directory);
    void started(const shatter::RunStart& start);
    void progress(const shatter::BatchProgress& progress);
    void epochEnded(const shatter::EpochReport& report);
    void finished(const shatter::RunSummary& summary);
    void failed(const QString& message);
    void datasetLoaded(const QString& spec, std::shared_ptr<const shatter::Dataset> dataset);

private:
    class SignalObserver;

    void work();
    void setState(State state);
    void onEpoch(const EpochReport& report);
    std::shared_ptr<const Dataset> dataset(const std::string& spec);
    void joinPreload();

    State m_state = State::Idle;
    RunConfig m_config;
    QString m_runDirectory;
    EpochPace m_pace;
    bool m_stepping = false;  // a step is in progress: its epoch's report pauses the state
    std::thread m_worker;
    std::thread m_preloader;
    // The run in progress, or the last one; replaced only while no worker runs.
    std::unique_ptr<RunPipeline> m_pipeline;

    std::mutex m_cacheMutex;    // held while a dataset loads, so a second caller waits for it
    std::map<std::string, std::shared_ptr<const Dataset>> m_cache;
};

}  // namespace shatter

Q_DECLARE_METATYPE(std::shared_ptr<const shatter::Dataset>)
