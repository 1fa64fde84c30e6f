#include "slurm/slurm_sweep.h"

#include "slurm/sbatch_script.h"
#include "slurm/slurm_client.h"
#include "sweep/point_sweep.h"
#include "util/text_format.h"

namespace shatter {

namespace {

std::vector<std::string> jobIds(const SweepRecord& record) {
    std::vector<std::string> ids;
    for (const SlurmJob& job : record.slurmJobs) ids.push_back(job.id);
    return ids;
}

}  // namespace

SlurmSweep::Submission SlurmSweep::submit(const SweepPlan& plan, const std::string& directory,
                                          const SlurmOptions& options) {
    Submission submission;
    submission.directory = PointSweep::absolute(directory);
    SweepRecord record = PointSweep::open(plan, submission.directory, SweepExecutor::Slurm);
    const SweepStatus before =
        SweepStatus::of(submission.directory, record, SlurmClient::query(jobIds(record)));
    submission.indices = before.toResubmit();
    submission.finished = before.count(PointState::Finished);
    submission.inFlight = before.count(PointState::Pending) + before.count(PointState::Running);
    if (submission.indices.empty()) return submission;

    PointSweep::retireUnfinished(submission.directory, before, submission.indices);
    const std::string script = SbatchScript::write(options.shatterCli, submission.directory);
    submission.jobId = SlurmClient::submit(
        SbatchScript::sbatchArguments(options, submission.indices, submission.directory, script));
    record.slurmJobs.push_back(
        {submission.jobId, submission.indices, utcNow("%Y-%m-%dT%H:%M:%SZ")});
    PointSweep::refreshRecord(submission.directory, record);
    return submission;
}

SweepStatus SlurmSweep::status(const std::string& directory) {
    const SweepRecord record = SweepRecord::load(directory);
    return SweepStatus::of(directory, record, SlurmClient::query(jobIds(record)));
}

std::vector<std::string> SlurmSweep::cancel(const std::string& directory) {
    const SweepRecord record = SweepRecord::load(directory);
    const SlurmQueue queue = SlurmClient::query(jobIds(record));
    std::vector<std::string> known;
    for (const std::string& id : jobIds(record)) {
        if (queue.knowsJob(id)) known.push_back(id);
    }
    SlurmClient::cancel(known);
    return known;
}

}  // namespace shatter
