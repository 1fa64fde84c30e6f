#pragma once

#include <memory>
#include <mutex>
#include <thread>

#include <QObject>
#include <QString>

#include "sweep/sweep_plan.h"
#include "live/training_types.h"

namespace shatter {

class ProcessSweepRunner;
class SweepRunner;

// Runs a sweep (SweepRunner, or ProcessSweepRunner for N worker processes) on a worker thread,
// one point after another, into a sweep folder
// under the runs folder. Every report arrives on the GUI thread as a signal carrying plain
// structs, so the live view can follow the run in progress. cancel() stops the current run
// after its batch and skips the rest; starting the same folder again resumes the rest.
class SweepController : public QObject {
    Q_OBJECT

public:
    explicit SweepController(QObject* parent = nullptr);
    ~SweepController() override;

    // A new, not yet existing folder: <runs folder>/sweep-<yyyyMMdd-HHmmss>.
    static QString newSweepDirectory();

    bool isActive() const { return m_active; }
    QString directory() const { return m_directory; }
    int pointCount() const { return m_count; }
    int currentPoint() const { return m_current; }  // 0-based; -1 before the first

    // Starts (or resumes) the sweep in `directory`; ignored while one is active. With
    // processes > 1 the points run in that many `shatter-cli sweep-point` worker processes
    // (ProcessSweepRunner), which report only when each point starts and ends.
    void start(const SweepPlan& plan, const QString& directory, int processes = 1);
    void cancel();
    // Cancels and waits for the worker; finished runs stay on disk.
    void shutdown();

Q_SIGNALS:
    void activeChanged(bool active);
    void pointStarted(int index, int count, const QString& name, const QString& runDirectory, int epochs);
    void pointSkipped(int index, int count, const QString& name);
    // The training images of the point in progress (points run in this process only), so that
    // the gallery follows the sweep as it follows a single run.
    void dataPrepared(const shatter::SharedCorruptedDataset& data);
    void pointFinished(int index, int count, const shatter::RunSummary& summary);
    void started(const shatter::RunStart& start);
    void progress(const shatter::BatchProgress& progress);
    void epochEnded(const shatter::EpochReport& report);
    // The whole sweep ended: all points ran (cancelled false) or it was cancelled.
    void finished(const QString& directory, bool cancelled);
    void failed(const QString& message);

private:
    class SignalObserver;

    void work(std::string directory);
    void setActive(bool active);

    bool m_active = false;
    QString m_directory;
    int m_count = 0;
    int m_current = -1;
    std::thread m_worker;
    std::mutex m_runnerMutex;  // guards m_runner
    std::shared_ptr<SweepRunner> m_runner;
    std::shared_ptr<ProcessSweepRunner> m_workers;
};

}  // namespace shatter
