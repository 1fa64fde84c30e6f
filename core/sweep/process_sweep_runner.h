#pragma once

#include <atomic>
#include <string>

#include "sweep/sweep_plan.h"
#include "sweep/sweep_record.h"
#include "sweep/sweep_runner.h"

namespace shatter {

// Runs a sweep's points in N worker processes on this machine, each
//   shatter-cli sweep-point SWEEP --index I --threads T
// with the cores divided between them (T = threads / N). Small networks keep few cores busy in
// one process, so on many cores N processes may finish sooner; each worker loads the dataset
// itself, so on few, busy cores one process is faster (docs/CLUSTER.md has measurements). Each
// point writes SWEEP/<point name>; the workers' output goes to SWEEP/worker-logs/<point name>.log.
// Running a sweep folder again resumes it: finished points are skipped, unfinished ones retired and
// run again. cancel() may be called from any thread and from a signal handler.
class ProcessSweepRunner {
public:
    ProcessSweepRunner(SweepPlan plan, std::string directory, int processes,
                       std::string shatterCli);

    // Reports start and end of every point (no per-epoch reports: those stay in the workers).
    // Bad settings throw (ConfigError) before the first worker starts.
    SweepRecord run(SweepObserver& observer);
    void cancel() { m_cancelled = true; }
    bool cancelled() const { return m_cancelled; }
    // The thread count of each worker for `threads` in all (0: one per core).
    static int threadsPerWorker(int threads, int processes);

    static constexpr const char* kLogFolder = "worker-logs";

private:
    SweepPlan m_plan;
    std::string m_directory;
    int m_processes;
    std::string m_shatterCli;
    std::atomic<bool> m_cancelled{false};
};

}  // namespace shatter
