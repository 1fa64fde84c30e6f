#pragma once

#include <QObject>
#include <QString>
#include <atomic>
#include <memory>

#include "slurm/slurm_options.h"
#include "sweep/sweep_plan.h"
#include "sweep/sweep_status.h"

class QTimer;

namespace shatter {

// Submits a sweep to Slurm (SlurmSweep) and follows it: every few seconds it asks the
// controller and reads the run folders on a pool thread, and reports each point's state on the
// GUI thread, until no point is queued or running any more. cancel() runs scancel.
class SlurmSweepMonitor : public QObject {
    Q_OBJECT

public:
    static constexpr int kPollMs = 2000;

    explicit SlurmSweepMonitor(QObject* parent = nullptr);
    ~SlurmSweepMonitor() override;

    // Submits the points of `directory` without a finished run; false with sbatch's message in
    // `error` when it refuses. Then follows the sweep.
    bool submit(const SweepPlan& plan, const QString& directory, const SlurmOptions& options,
                QString* error);
    // Follows a sweep submitted earlier.
    void follow(const QString& directory);
    void cancel();

    bool isActive() const { return !m_directory.isEmpty(); }
    QString directory() const { return m_directory; }
    const SweepStatus& status() const { return m_status; }
    QString jobId() const { return m_jobId; }
    // Asks for the status now instead of at the next tick.
    void poll();

Q_SIGNALS:
    void activeChanged(bool active);
    void submitted(const QString& directory, const QString& jobId, int points);
    void statusChanged(const shatter::SweepStatus& status);
    // No point is queued or running any more.
    void finished(const QString& directory);
    void failed(const QString& message);

private:
    void apply(const QString& directory, const SweepStatus& status, const QString& error);
    void stop();

    QString m_directory;
    QString m_jobId;
    QString m_lastError;  // reported once, not at every poll
    SweepStatus m_status;
    QTimer* m_timer;
    bool m_polling = false;
    std::shared_ptr<std::atomic<bool>> m_alive;  // false once destroyed; read by the poll task
};

}  // namespace shatter
