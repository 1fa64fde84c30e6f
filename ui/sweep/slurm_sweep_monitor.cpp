#include "sweep/slurm_sweep_monitor.h"

#include <QPointer>
#include <QTimer>

#include "common/handed_over_call.h"
#include "common/shatter_cli_path.h"
#include "shatter_error.h"
#include "slurm/slurm_sweep.h"
#include "sweep/sweep_record.h"

namespace shatter {

SlurmSweepMonitor::SlurmSweepMonitor(QObject* parent)
    : QObject(parent),
      m_timer(new QTimer(this)),
      m_alive(std::make_shared<std::atomic<bool>>(true)) {
    qRegisterMetaType<shatter::SweepStatus>("shatter::SweepStatus");
    m_timer->setInterval(kPollMs);
    connect(m_timer, &QTimer::timeout, this, &SlurmSweepMonitor::poll);
}

SlurmSweepMonitor::~SlurmSweepMonitor() { *m_alive = false; }

bool SlurmSweepMonitor::submit(const SweepPlan& plan, const QString& directory,
                               const SlurmOptions& options, QString* error) {
    SlurmOptions withCli = options;
    if (withCli.shatterCli.empty()) withCli.shatterCli = shatterCliPath().toStdString();
    try {
        const SlurmSweep::Submission submission =
            SlurmSweep::submit(plan, directory.toStdString(), withCli);
        m_jobId = QString::fromStdString(submission.jobId);
        follow(QString::fromStdString(submission.directory));
        Q_EMIT submitted(m_directory, m_jobId, int(submission.indices.size()));
        return true;
    } catch (const ShatterError& e) {
        if (error != nullptr) *error = QString::fromStdString(e.what());
        return false;
    }
}

void SlurmSweepMonitor::follow(const QString& directory) {
    const bool wasActive = isActive();
    m_directory = directory;
    m_status = {};
    m_timer->start();
    if (!wasActive) Q_EMIT activeChanged(true);
    poll();
}

void SlurmSweepMonitor::cancel() {
    if (!isActive()) return;
    try {
        SlurmSweep::cancel(m_directory.toStdString());
    } catch (const ShatterError& e) {
        Q_EMIT failed(QString::fromStdString(e.what()));
    }
    poll();
}

void SlurmSweepMonitor::poll() {
    if (!isActive() || m_polling) return;
    m_polling = true;
    const std::string directory = m_directory.toStdString();
    QPointer<SlurmSweepMonitor> self(this);
    std::shared_ptr<std::atomic<bool>> alive = m_alive;
    startOnPool([self, alive, directory]() {
        SweepStatus status;
        QString error;
        try {
            status = SlurmSweep::status(directory);
        } catch (const SchedulerError& e) {
            // The controller cannot be asked: show what the run folders say meanwhile.
            error = QString::fromStdString(e.what());
            try {
                status = SweepStatus::fromFolders(directory, SweepRecord::load(directory));
            } catch (const ShatterError&) {
            }
        } catch (const ShatterError& e) {
            error = QString::fromStdString(e.what());
        }
        if (!*alive) return;
        postQueued(self.data(), [self, directory, status, error]() {
            if (self) self->apply(QString::fromStdString(directory), status, error);
        });
    });
}

void SlurmSweepMonitor::apply(const QString& directory, const SweepStatus& status,
                              const QString& error) {
    m_polling = false;
    if (directory != m_directory) return;  // a sweep followed earlier
    if (!error.isEmpty() && error != m_lastError) Q_EMIT failed(error);
    m_lastError = error;
    if (!status.points.empty()) {
        m_status = status;
        Q_EMIT statusChanged(m_status);
    }
    if (error.isEmpty() &&
        m_status.count(PointState::Pending) + m_status.count(PointState::Running) == 0) {
        const QString done = m_directory;
        stop();
        Q_EMIT finished(done);
    }
}

void SlurmSweepMonitor::stop() {
    m_timer->stop();
    m_directory.clear();
    Q_EMIT activeChanged(false);
}

}  // namespace shatter
