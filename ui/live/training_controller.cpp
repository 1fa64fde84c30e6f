#include "live/training_controller.h"

#include <exception>

#include <QDir>
#include <QMetaObject>
#include <QStandardPaths>

#include "data/dataset_source.h"
#include "run/run_writer.h"
#include "shatter_error.h"
#include "train/observer_fanout.h"
#include "train/run_preparation.h"
#include "train/trainer.h"

namespace shatter {

// Lives on the worker thread; hands each report to the GUI thread as a queued call.
class TrainingController::SignalObserver : public TrainingObserver {
public:
    explicit SignalObserver(TrainingController* controller) : m_controller(controller) {}

    void onStarted(const RunStart& start) override {
        post([start](TrainingController* c) { Q_EMIT c->started(start); });
    }
    void onProgress(const BatchProgress& progress) override {
        post([progress](TrainingController* c) { Q_EMIT c->progress(progress); });
    }
    void onEpoch(const EpochReport& report) override {
        post([report](TrainingController* c) { Q_EMIT c->epochEnded(report); });
    }
    void onFinished(const RunSummary& summary) override { m_summary = summary; }

    const RunSummary& summary() const { return m_summary; }

    template <typename F>
    void post(F function) {
        TrainingController* controller = m_controller;
        QMetaObject::invokeMethod(controller, [controller, function]() { function(controller); },
                                  Qt::QueuedConnection);
    }

private:
    TrainingController* m_controller;
    RunSummary m_summary;
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
    {
        std::lock_guard lock(m_trainerMutex);
        m_stopRequested = false;
        m_paused = false;
        m_learningRate.reset();
    }
    m_config = config;
    m_runDirectory.clear();
    setState(State::Preparing);
    m_worker = std::thread([this, config]() { work(config); });
}

void TrainingController::setPaused(bool paused) {
    if (m_state != State::Running && m_state != State::Paused) return;
    {
        std::lock_guard lock(m_trainerMutex);
        m_paused = paused;
        if (m_trainer) m_trainer->setPaused(paused);
    }
    setState(paused ? State::Paused : State::Running);
}

void TrainingController::stop() {
    if (!isActive()) return;
    {
        std::lock_guard lock(m_trainerMutex);
        m_stopRequested = true;
        if (m_trainer) {
            m_trainer->setPaused(false);
            m_trainer->requestStop();
        }
    }
    setState(State::Stopping);
}

void TrainingController::setLearningRate(double learningRate) {
    std::lock_guard lock(m_trainerMutex);
    m_learningRate = learningRate;
    if (m_trainer) m_trainer->setLearningRate(learningRate);
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
            QMetaObject::invokeMethod(
                this, [this, spec, loaded]() { Q_EMIT datasetLoaded(spec, loaded); },
                Qt::QueuedConnection);
        } catch (const std::exception& error) {
            // A preview that cannot load is not worth a dialog: the run reports the same error.
            (void)error;
        }
    });
}

void TrainingController::work(RunConfig config) {
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
        config.validate();
        auto loaded = dataset(config.dataset);
        auto data = std::make_shared<const CorruptedDataset>(RunPreparation::prepare(config, *loaded));
        reporter.post([data](TrainingController* c) { Q_EMIT c->dataPrepared(data); });

        Trainer trainer(config, *data);
        const std::string root = runsRoot().toStdString();
        QDir().mkpath(QString::fromStdString(root));
        RunWriter writer(root, config, *data, loaded->name);
        const QString directory = QString::fromStdString(writer.directory());
        reporter.post([directory](TrainingController* c) {
            c->m_runDirectory = directory;
            Q_EMIT c->runDirectoryCreated(directory);
        });

        {
            std::lock_guard lock(m_trainerMutex);
            if (m_stopRequested) trainer.requestStop();
            trainer.setPaused(m_paused);
            if (m_learningRate) trainer.setLearningRate(*m_learningRate);
            m_trainer = &trainer;
        }
        struct Detach {
            TrainingController* controller;
            ~Detach() {
                std::lock_guard lock(controller->m_trainerMutex);
                controller->m_trainer = nullptr;
            }
        } detach{this};
        reporter.post([](TrainingController* c) {
            if (c->m_state == State::Preparing) c->setState(State::Running);
        });

        ObserverFanout fanout;
        fanout.add(writer);
        fanout.add(reporter);
        const RunSummary summary = trainer.run(fanout);
        QString error;
        if (summary.status == RunStatus::Diverged) {
            error = QString("The run diverged at epoch %1: %2\nTry a smaller learning rate.")
                        .arg(summary.epochs + 1)
                        .arg(QString::fromStdString(summary.message));
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
