#pragma once

#include <atomic>
#include <string>

#include "train/run_summary.h"
#include "train/training_observer.h"

namespace shatter {

class RunPipeline;

// Runs one point of a sweep folder into its own run folder, SWEEP/<point name>: what a worker
// process (`shatter-cli sweep-point`) or a Slurm array task does. It reads the plan from
// sweep.json, never writes sweep.json, and refuses a point whose folder exists already, so
// concurrent tasks cannot collide.
class SweepPointRunner {
public:
    // threads > 0 replaces the plan's thread count (a worker's share of the cores).
    SweepPointRunner(std::string sweepDirectory, int index, int threads = 0);

    // Throws ConfigError for an index outside the plan, RunStoreError when sweep.json cannot be
    // read or the point's folder exists already, DataError for unreadable data.
    RunSummary run(TrainingObserver& observer);
    // The point's run folder (known once run() has read the plan).
    const std::string& directory() const { return m_runDirectory; }
    // Safe from a signal handler: atomics only.
    void requestStop();

private:
    std::string m_sweepDirectory;
    int m_index;
    int m_threads;
    std::string m_runDirectory;
    std::atomic<bool> m_stopRequested{false};
    std::atomic<RunPipeline*> m_pipeline{nullptr};
};

}  // namespace shatter
