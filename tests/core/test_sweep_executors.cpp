// Sweeps whose points run as separate processes: worker processes on this machine and the pieces
// of the Slurm executor that need no cluster (script, sbatch arguments, queue parsing, states).
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "process/process_runner.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "slurm/sbatch_script.h"
#include "slurm/slurm_client.h"
#include "slurm/slurm_queue.h"
#include "support/fixtures.h"
#include "sweep/point_folder.h"
#include "sweep/point_sweep.h"
#include "sweep/process_sweep_runner.h"
#include "sweep/sweep_point_runner.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_status.h"

using namespace shatter;
namespace fs = std::filesystem;

namespace {

class EventLog : public SweepObserver {
public:
    std::vector<std::string> events;
    void onPointStarted(int index, int, const RunConfig&, const std::string&) override {
        events.push_back("start " + std::to_string(index));
    }
    void onPointSkipped(int index, int, const std::string&) override {
        events.push_back("skip " + std::to_string(index));
    }
    void onPointFinished(int, int, const RunSummary& summary) override {
        events.push_back("end " + toString(summary.status));
    }
};

// metrics.csv without its timing columns (epoch_seconds, samples_per_second: the last two).
std::vector<std::string> metricsWithoutTiming(const std::string& directory) {
    std::ifstream in(directory + "/metrics.csv");
    std::vector<std::string> rows;
    for (std::string line; std::getline(in, line);) {
        for (int drop = 0; drop < 2; ++drop) line = line.substr(0, line.rfind(','));
        rows.push_back(line);
    }
    return rows;
}

}  // namespace

class TestSweepExecutors : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    std::string m_cli;

    SweepPlan tinyPlan() const {
        SweepPlan plan;
        plan.base.dataset = "mnist:" + m_data.path().toStdString();
        plan.base.epochs = 2;
        plan.base.batchSize = 32;
        plan.base.threads = 1;
        plan.levels = {0.0, 0.5, 1.0};
        return plan;
    }

private Q_SLOTS:
    void initTestCase() {
        m_cli = qEnvironmentVariable("SHATTER_CLI").toStdString();
        QVERIFY2(!m_cli.empty(), "SHATTER_CLI is not set (run through ctest)");
        test::writeMnistFolder(m_data.path().toStdString(),
                               test::makeSyntheticDataset(10, 5, 10, 1, 28), false);
    }

    void processRunnerCapturesOutputAndExitCode() {
        const ProcessResult result =
            ProcessRunner::run({"sh", "-c", "echo out; echo 'err or' >&2; exit 3", "ignored"});
        QVERIFY(result.started);
        QCOMPARE(result.exitCode, 3);
        QCOMPARE(result.out, std::string("out\n"));
        QCOMPARE(result.err, std::string("err or\n"));
        // Arguments reach the program as they are: no shell splits or expands them.
        const ProcessResult echo = ProcessRunner::run({"printf", "%s|", "a b", "$HOME", "'q'"});
        QCOMPARE(echo.out, std::string("a b|$HOME|'q'|"));
        const ProcessResult missing = ProcessRunner::run({"shatter-no-such-program"});
        QVERIFY(!missing.started);
        QVERIFY(!missing.error.empty());
    }

    void arraySpecCompressesRanges() {
        QCOMPARE(SbatchScript::arraySpec({0, 1, 2, 3, 4, 5}, 0), std::string("0-5"));
        QCOMPARE(SbatchScript::arraySpec({5, 1, 3, 4}, 2), std::string("1,3-5%2"));
        QCOMPARE(SbatchScript::arraySpec({7}, 0), std::string("7"));
    }

    void scriptQuotesPathsAndSbatchGetsAVector() {
        const std::string sweep = "/shared/it's a sweep";
        const std::string script = SbatchScript::text("/opt/shatter cli/shatter-cli", sweep);
        QVERIFY(script.find(
                    "exec '/opt/shatter cli/shatter-cli' sweep-point '/shared/it'\\''s a sweep' "
                    "--index \"$SLURM_ARRAY_TASK_ID\"") != std::string::npos);
        SlurmOptions options;
        options.partition = "gpu";
        options.timeLimit = "01:00:00";
        options.cpusPerTask = 4;
        options.gres = "gpu:1";
        options.maxParallel = 2;
        options.extraArguments = {"--account=abc"};
        const std::vector<std::string> arguments =
            SbatchScript::sbatchArguments(options, {0, 1, 2}, sweep, sweep + "/slurm-task.sh");
        const std::vector<std::string> expected = {
            "sbatch",
            "--parsable",
            "--array=0-2%2",
            "--job-name=shatter-it's a sweep",
            "--output=/shared/it's a sweep/slurm-logs/%A_%a.out",
            "--chdir=/shared/it's a sweep",
            "--partition=gpu",
            "--time=01:00:00",
            "--cpus-per-task=4",
            "--gres=gpu:1",
            "--account=abc",
            "/shared/it's a sweep/slurm-task.sh"};
        QCOMPARE(arguments, expected);
    }

    void jobIdFromParsableOutput() {
        QCOMPARE(SlurmClient::parseJobId("1234\n"), std::string("1234"));
        QCOMPARE(SlurmClient::parseJobId("88;cluster\n"), std::string("88"));
        QVERIFY_THROWS_EXCEPTION(SchedulerError, SlurmClient::parseJobId("sbatch: error: nope\n"));
    }

    void queueReadsSqueueAndScontrol() {
        SlurmQueue queue;
        queue.addSqueueOutput("12_3 RUNNING\n12_4 PENDING\n12_[5-7%2] PENDING\n");
        queue.addScontrolOutput(
            "JobId=20 ArrayJobId=12 ArrayTaskId=1 JobName=x JobState=CANCELLED Reason=None\n"
            "JobId=21 ArrayJobId=12 ArrayTaskId=3 JobName=x JobState=COMPLETED Reason=None\n"
            "JobId=12 ArrayJobId=12 ArrayTaskId=4-7%2 JobName=x JobState=PENDING Reason=None\n");
        QCOMPARE(queue.taskState("12", 1).value_or(""), std::string("CANCELLED"));
        QCOMPARE(queue.taskState("12", 3).value_or(""),
                 std::string("RUNNING"));  // squeue's is newer
        QCOMPARE(queue.taskState("12", 6).value_or(""), std::string("PENDING"));
        QVERIFY(!queue.taskState("12", 0));
        QVERIFY(queue.knowsJob("12"));
        QVERIFY(!queue.knowsJob("13"));
    }

    void pointStateFromRunFolderAndScheduler() {
        using S = std::optional<std::string>;
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Finished, S("COMPLETED"), true, true)),
                 toString(PointState::Finished));
        QCOMPARE(toString(SweepStatus::decide(std::nullopt, S("PENDING"), true, true)),
                 toString(PointState::Pending));
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Incomplete, S("RUNNING"), true, true)),
                 toString(PointState::Running));
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Stopped, S("CANCELLED"), true, true)),
                 toString(PointState::Cancelled));
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Incomplete, S("FAILED"), true, true)),
                 toString(PointState::Failed));
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Incomplete, S("TIMEOUT"), true, true)),
                 toString(PointState::Failed));
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Diverged, std::nullopt, true, false)),
                 toString(PointState::Failed));
        // Ended minutes ago: the controller has forgotten the task.
        QCOMPARE(toString(SweepStatus::decide(RunStatus::Incomplete, std::nullopt, true, false)),
                 toString(PointState::Incomplete));
        QCOMPARE(toString(SweepStatus::decide(std::nullopt, std::nullopt, true, true)),
                 toString(PointState::Cancelled));
        QCOMPARE(toString(SweepStatus::decide(std::nullopt, std::nullopt, true, false)),
                 toString(PointState::NotRun));
        QCOMPARE(toString(SweepStatus::decide(std::nullopt, std::nullopt, false, false)),
                 toString(PointState::NotRun));
    }

    void pointFolderIsClaimedOnce() {
        QTemporaryDir sweep;
        const PointFolder folder(sweep.path().toStdString(), "mlp-1x512-labels-50");
        QVERIFY(!folder.runStatus());
        QVERIFY(folder.claim());
        QVERIFY(!folder.claim());
        QVERIFY(folder.runStatus() == RunStatus::Incomplete);
        folder.retire();
        QVERIFY(!folder.exists());
        QVERIFY(folder.claim());
        QCOMPARE(int(std::distance(fs::directory_iterator(sweep.path().toStdString() + "/.retired"),
                                   fs::directory_iterator())),
                 1);
    }

    void sweepJsonKeepsExecutorAndJobs() {
        QTemporaryDir sweep;
        SweepRecord record =
            PointSweep::open(tinyPlan(), sweep.path().toStdString(), SweepExecutor::Slurm);
        record.slurmJobs.push_back({"41", {0, 1, 2}, "2026-01-01T00:00:00Z"});
        record.slurmJobs.push_back({"45", {1}, "2026-01-01T01:00:00Z"});
        record.save(sweep.path().toStdString());
        const SweepRecord loaded = SweepRecord::load(sweep.path().toStdString());
        QVERIFY(loaded.executor == SweepExecutor::Slurm);
        QCOMPARE(int(loaded.slurmJobs.size()), 2);
        QCOMPARE(loaded.lastJobFor(1)->id, std::string("45"));
        QCOMPARE(loaded.lastJobFor(2)->id, std::string("41"));
        QVERIFY(loaded.lastJobFor(3) == nullptr);
        QCOMPARE(int(loaded.points.size()), 3);
        QCOMPARE(loaded.points[1].directory, std::string("mlp-1x512-labels-50"));
    }

    void pointNamesMustDiffer() {
        SweepPlan plan = tinyPlan();
        plan.levels = {0.5, 0.501};
        QTemporaryDir sweep;
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, PointSweep::open(plan, sweep.path().toStdString(), SweepExecutor::Slurm));
    }

    void sweepPointRefusesATakenFolderAndABadIndex() {
        QTemporaryDir sweep;
        PointSweep::open(tinyPlan(), sweep.path().toStdString(), SweepExecutor::Slurm);
        TrainingObserver observer;
        SweepPointRunner outside(sweep.path().toStdString(), 3);
        QVERIFY_THROWS_EXCEPTION(ConfigError, outside.run(observer));
        SweepPointRunner first(sweep.path().toStdString(), 1, 1);
        QVERIFY(first.run(observer).status == RunStatus::Finished);
        SweepPointRunner second(sweep.path().toStdString(), 1, 1);
        QVERIFY_THROWS_EXCEPTION(RunStoreError, second.run(observer));
    }

    void workerProcessesMatchOneProcess() {
        QTemporaryDir local;
        QTemporaryDir workers;
        EventLog localEvents;
        SweepRunner(tinyPlan(), local.path().toStdString()).run(localEvents);

        ProcessSweepRunner runner(tinyPlan(), workers.path().toStdString(), 2, m_cli);
        EventLog events;
        const SweepRecord record = runner.run(events);
        QCOMPARE(int(events.events.size()), 6);
        QCOMPARE(std::count(events.events.begin(), events.events.end(), "end finished"), 3L);
        const SweepRecord localRecord = SweepRecord::load(local.path().toStdString());
        for (std::size_t i = 0; i < record.points.size(); ++i) {
            QCOMPARE(toString(record.points[i].status), std::string("finished"));
            const std::string workerRun =
                workers.path().toStdString() + "/" + record.points[i].directory;
            const std::string localRun =
                local.path().toStdString() + "/" + localRecord.points[i].directory;
            QCOMPARE(metricsWithoutTiming(workerRun), metricsWithoutTiming(localRun));
            QVERIFY(fs::exists(workers.path().toStdString() + "/worker-logs/" +
                               record.points[i].name + ".log"));
        }
        QCOMPARE(ProcessSweepRunner::threadsPerWorker(16, 2), 8);
        QCOMPARE(ProcessSweepRunner::threadsPerWorker(3, 4), 1);

        // Again: every point finished, nothing runs; an unfinished one is retired and redone.
        fs::remove(workers.path().toStdString() + "/mlp-1x512-labels-50/summary.json");
        EventLog again;
        ProcessSweepRunner(tinyPlan(), workers.path().toStdString(), 2, m_cli).run(again);
        QCOMPARE(again.events,
                 (std::vector<std::string>{"skip 0", "skip 2", "start 1", "end finished"}));
        QVERIFY(fs::exists(workers.path().toStdString() + "/.retired"));
        const SweepStatus status = SweepStatus::fromFolders(workers.path().toStdString(), record);
        QCOMPARE(status.count(PointState::Finished), 3);
    }
};

QTEST_GUILESS_MAIN(TestSweepExecutors)
#include "test_sweep_executors.moc"
