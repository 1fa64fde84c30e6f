#include "sweep/sweep_controller.h"

#include <QDateTime>
#include <QDir>
#include <exception>
#include <utility>

#include "common/queued_observer.h"
#include "common/shatter_cli_path.h"
#include "live/training_controller.h"
#include "shatter_error.h"
#include "sweep/process_sweep_runner.h"
#include "sweep/sweep_runner.h"

namespace shatter {

// Lives on the worker thread; hands each report to the GUI thread as a queued call.
class SweepController::SignalObserver : public QueuedObserver<SweepController, SweepObserver> {
public:
    using QueuedObserver::QueuedObserver;

    void onPointStarted(int index, int count, const RunConfig& point, const std::string& directory) override {
        const QString name = QString::fromStdString(SweepPlan::pointName(point));
        const QString dir = QString::fromStdString(directory);
        const int epochs = point.epochs;
        // The images come before the point's start, which starts the live run (and its
        // gallery) over: they are handed on after it.
        const SharedCorruptedDataset data = std::exchange(m_data, nullptr);
        post([=](SweepController* c) {
            c->m_current = index;
            c->m_count = count;
            Q_EMIT c->pointStarted(index, count, name, dir, epochs);
            if (data) Q_EMIT c->dataPrepared(data);
        });
    }
    void onPointData(const std::shared_ptr<const CorruptedDataset>& data) override { m_data = data; }
    void onPointSkipped(int index, int count, const std::string& name) override {
        const QString skipped = QString::fromStdString(name);
        post([=](SweepController* c) {
            c->m_count = count;
            Q_EMIT c->pointSkipped(index, count, skipped);
        });
    }
    void onPointFinished(int index, int count, const RunSummary& summary) override {
        post([=](SweepController* c) { Q_EMIT c->pointFinished(index, count, summary); });
    }

private:
    SharedCorruptedDataset m_data;  // the point about to start's images
};

SweepController::SweepController(QObject* parent) : QObject(parent) { registerTrainingMetaTypes(); }

SweepController::~SweepController() { shutdown(); }

QString SweepController::newSweepDirectory() {
    const QString root = TrainingController::runsRoot();
    const QString stamp = QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss");
    QString directory = root + "/sweep-" + stamp;
    for (int n = 2; QDir(directory).exists(); ++n) directory = root + "/sweep-" + stamp + "-" + QString::number(n);
    return directory;
}

void SweepController::start(const SweepPlan& plan, const QString& directory, int processes) {
    if (m_active) return;
    if (m_worker.joinable()) m_worker.join();
    m_directory = directory;
    m_current = -1;
    m_count = int(plan.points().size());
    {
        std::lock_guard lock(m_runnerMutex);
        if (processes > 1) {
            m_workers = std::make_shared<ProcessSweepRunner>(
                plan, directory.toStdString(), processes, shatterCliPath().toStdString());
        } else {
            m_runner = std::make_shared<SweepRunner>(plan, directory.toStdString());
        }
    }
    setActive(true);
    m_worker = std::thread([this, dir = directory.toStdString()]() { work(dir); });
}

void SweepController::cancel() {
    std::lock_guard lock(m_runnerMutex);
    if (m_runner) m_runner->cancel();
    if (m_workers) m_workers->cancel();
}

void SweepController::shutdown() {
    cancel();
    if (m_worker.joinable()) m_worker.join();
    if (m_active) setActive(false);
}

void SweepController::setActive(bool active) {
    if (m_active == active) return;
    m_active = active;
    Q_EMIT activeChanged(active);
}

void SweepController::work(std::string directory) {
    SignalObserver reporter(this);
    std::shared_ptr<SweepRunner> runner;
    std::shared_ptr<ProcessSweepRunner> workers;
    {
        std::lock_guard lock(m_runnerMutex);
        runner = m_runner;
        workers = m_workers;
    }
    QString error;
    try {
        if (workers)
            workers->run(reporter);
        else
            runner->run(reporter);
    } catch (const ShatterError& e) {
        error = QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        error = "Unexpected error: " + QString::fromStdString(e.what());
    }
    const bool cancelled = workers ? workers->cancelled() : runner->cancelled();
    const QString folder = QString::fromStdString(directory);
    reporter.post([error, cancelled, folder](SweepController* c) {
        if (c->m_worker.joinable()) c->m_worker.join();
        {
            std::lock_guard lock(c->m_runnerMutex);
            c->m_runner.reset();
            c->m_workers.reset();
        }
        c->setActive(false);
        if (!error.isEmpty()) Q_EMIT c->failed(error);
        Q_EMIT c->finished(folder, cancelled || !error.isEmpty());
    });
}

}  // namespace shatter
