#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace shatter {

// What the Slurm controller says about the tasks of some array jobs, read from
//   squeue -h -r -j IDS -o "%i %T"   (queued and running tasks, one "JOB_TASK STATE" a line)
//   scontrol -o show job ID          (also tasks that ended in the last minutes, MinJobAge)
// A finished task vanishes from both after a few minutes, and there may be no accounting
// (sacct) to ask, so a missing task means "no longer known", not "failed".
class SlurmQueue {
public:
    void addSqueueOutput(const std::string& text);
    void addScontrolOutput(const std::string& text);

    // The state of array task `index` of job `jobId` (PENDING, RUNNING, CANCELLED, ...).
    std::optional<std::string> taskState(const std::string& jobId, int index) const;
    // Whether the controller still has any record of the job.
    bool knowsJob(const std::string& jobId) const;

    // States in which the task has not ended yet.
    static bool isQueued(const std::string& state);  // waiting to start
    static bool isActive(const std::string& state);  // started, not ended

private:
    void setState(const std::string& jobId, int index, const std::string& state);

    std::map<std::pair<std::string, int>, std::string> m_states;
    std::set<std::string> m_jobs;
};

}  // namespace shatter
