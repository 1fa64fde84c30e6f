#include "live/training_controller.h"

#include <exception>
#include <optional>

#include <QStandardPaths>

#include "common/handed_over_call.h"
#include "common/queued_observer.h"
#include "data/dataset_source.h"
#include "pipeline/run_pipeline.h"
#include "shatter_error.h"

namespace shatter {

// Lives on the worker thread; hands each report to the GUI thread as a queued call.
class TrainingController::SignalObserver : public QueuedObserver<TrainingController, RunObserver> {
public:
    using QueuedObserver::QueuedObserver;

    void onEpoch(const EpochReport& report) override {
        post([report](TrainingController* c) { c->onEpoch(report); });
    }
    void onDataPrepared(const std::shared_ptr<const CorruptedDataset>& data) override {
        post([data](TrainingController* c) { Q_EMIT c->dataPrepared(data); });
    }
    void onRunDirectory(const std::string& directory) override {
        const QString folder = QString::fromStdString(directory);
        post([folder](TrainingController* c) {
            c->m_runDirectory = folder;
            Q_EMIT c->runDirectoryCreated(folder);
            if (c->m_state == State::Preparing) c->setState(State::Running);
        });
    }
};

TrainingController::TrainingController(QObject* parent) : QObject(parent) {
    registerTrainingMetaTypes();
    qRegisterMetaType<std::shared_ptr<const Dataset>>();
}

TrainingController::~TrainingController() {
    shutdown();
    joinPreload();
}

QString TrainingController::runsRoot() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + "/shatter/runs";
}

void TrainingController::start(const RunConfig& config) {
    if (isActive()) return;
    if (m_worker.joinable()) m_worker.join();
    m_config = config;
    m_runDirectory.clear();
    m_pipeline = std::make_unique<RunPipeline>(config, runsRoot().toStdString());
    m_pipeline->setDatasetLoader([this](const std::string& spec) { return dataset(spec); });
    m_pipeline->setEpochInterval(m_pace.epochInterval(config.epochs));
    m_stepping = false;
    setState(State::Preparing);
    m_worker = std::thread([this]() { work(); });
}

void TrainingController::setPaused(bool paused) {
    if (m_state != State::Running && m_state != State::Paused) return;
    m_stepping = false;
    m_pipeline->setPaused(paused);
    setState(paused ? State::Paused : State::Running);
}

void TrainingController::step() {
    if (m_state != State::Paused) return;
    m_stepping = true;
    m_pipeline->step();
    setState(State::Running);
}

void TrainingController::onEpoch(const EpochReport& report) {
    Q_EMIT epochEnded(report);
    // The trainer paused itself at the end of the stepped epoch.
    if (report.pausedAfter && m_stepping && m_state == State::Running) {
        m_stepping = false;
        setState(State::Paused);
    }
}

void TrainingController::stop() {
    if (!isActive()) return;
    m_stepping = false;
    m_pipeline->requestStop();
    setState(State::Stopping);
}

void TrainingController::setPace(const EpochPace& pace) {
    m_pace = pace;
    if (m_pipeline && isActive()) m_pipeline->setEpochInterval(pace.epochInterval(m_config.epochs));
}

void TrainingController::setLearningRate(double learningRate) {
    if (m_pipeline) m_pipeline->setLearningRate(learningRate);
}

void TrainingController::shutdown() {
    stop();
    if (m_worker.joinable()) m_worker.join();
    if (m_state != State::Idle) setState(State::Idle);
}

void TrainingController::setState(State state) {
    if (m_state == state) return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

std::shared_ptr<const Dataset> TrainingController::dataset(const std::string& spec) {
    std::lock_guard lock(m_cacheMutex);
    const std::string key = DatasetSource::parse(spec).toString();
    auto found = m_cache.find(key);
    if (found != m_cache.end()) return found->second;
    auto loaded = std::make_shared<const Dataset>(DatasetSource::parse(spec).load());
    m_cache.clear();  // keep one dataset in memory: CIFAR-10 alone is 180 MB
    m_cache[key] = loaded;
    return loaded;
}

void TrainingController::joinPreload() {
    if (m_preloader.joinable()) m_preloader.join();
}

void TrainingController::preloadDataset(const QString& spec) {
    joinPreload();
    m_preloader = std::thread([this, spec]() {
        try {
            auto loaded = dataset(spec.toStdString());
            postQueued(this, [this, spec, loaded]() { Q_EMIT datasetLoaded(spec, loaded); });
        } catch (const std::exception& error) {
            // A preview that cannot load is not worth a dialog: the run reports the same error.
            (void)error;
        }
    });
}

void TrainingController::work() {
    SignalObserver reporter(this);
    auto finish = [&reporter](std::optional<RunSummary> summary, QString error) {
        reporter.post([summary, error](TrainingController* c) {
            if (c->m_worker.joinable()) c->m_worker.join();
            c->setState(State::Idle);
            if (summary) Q_EMIT c->finished(*summary);
            if (!error.isEmpty()) Q_EMIT c->failed(error);
        });
    };
    try {
        const RunSummary summary = m_pipeline->run(reporter);
        QString error;
        if (summary.status == RunStatus::Diverged) {
            // The message says when, at which learning rate and what to try, once.
            error = "The run diverged: " + QString::fromStdString(summary.message) + ".";
        } else if (summary.status == RunStatus::Failed) {
            error = "Training failed: " + QString::fromStdString(summary.message);
        }
        finish(summary, error);
    } catch (const ShatterError& e) {
        finish(std::nullopt, QString::fromStdString(e.what()));
    } catch (const std::exception& e) {
        finish(std::nullopt, "Unexpected error: " + QString::fromStdString(e.what()));
    }
}

}  // namespace shatter
