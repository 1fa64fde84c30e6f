#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_record.h"
#include "train/training_observer.h"

namespace shatter {

class RunObserver;
class RunPipeline;
struct CorruptedDataset;

// Told about a sweep's progress; also receives every report of the run in progress.
class SweepObserver : public TrainingObserver {
public:
    virtual void onPointStarted(int /*index*/, int /*count*/, const RunConfig& /*point*/,
                                const std::string& /*runDirectory*/) {}
    virtual void onPointSkipped(int /*index*/, int /*count*/, const std::string& /*name*/) {}
    // The point's training images are drawn and corrupted (points run in this process only).
    virtual void onPointData(const std::shared_ptr<const CorruptedDataset>& /*data*/) {}
    virtual void onPointFinished(int /*index*/, int /*count*/, const RunSummary& /*summary*/) {}
};

// Runs a sweep's points one after another on the calling thread, each into its own run folder
// inside the sweep folder, keeping sweep.json up to date. Running a sweep folder again resumes
// it: points whose run finished are skipped. Each point is one RunPipeline run on the dataset
// loaded once for the sweep. cancel() may be called from any thread.
class SweepRunner {
public:
    SweepRunner(SweepPlan plan, std::string directory);

    // Returns the sweep record as it stands at the end. Bad settings or data throw
    // (ConfigError, DataError) before the first point starts.
    SweepRecord run(SweepObserver& observer);
    void cancel();
    // The same for a signal handler interrupting the thread inside run(): atomics only, no lock.
    void cancelFromSignalHandler();
    bool cancelled() const { return m_cancelled; }

private:
    RunSummary runPoint(RunPipeline& pipeline, RunObserver& observer);

    SweepPlan m_plan;
    std::string m_directory;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_currentMutex;
    std::atomic<RunPipeline*> m_current{nullptr};
};

}  // namespace shatter
