// Replaying a stored run: the 1× time line and its fallbacks, the clock (speed, pause, seek),
// and the epoch reports rebuilt from a run folder, fitted-since included.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "analysis/memorization_analysis.h"
#include "replay/recorded_run.h"
#include "replay/replay_clock.h"
#include "replay/replay_timeline.h"
#include "run/prediction_log.h"
#include "shatter_error.h"
#include "support/run_fixtures.h"

using namespace shatter;

namespace {

// Four examples, all assigned label 1, over four epochs (see test_memorization):
//   0: wrong, right, right, right   1: right, wrong, right, wrong
//   2: 3, 3, 1, 1                   3: never right
const std::vector<std::vector<int>> kPredictions = {
    {0, 1, 3, 2}, {1, 0, 3, 2}, {1, 1, 1, 2}, {1, 0, 1, 2}};

// A run folder of `epochs` metrics rows (0.5 s each) with examples.bin and, when
// `predictionEpochs` > 0, that many epochs of predictions.bin.
std::string writeReplayableRun(const QTemporaryDir& dir, int epochs, int predictionEpochs,
                               const std::optional<std::string>& status) {
    const std::string folder = dir.filePath("run").toStdString();
    RunConfig config;
    config.epochs = 4;
    test::writeRunFolder(folder, config, epochs, 1.0, 0.1, status, "2026-01-01T00:00:00Z");
    ExampleRecords examples;
    examples.epoch = epochs;
    examples.trueLabels = {1, 1, 3, 2};
    examples.assignedLabels = {1, 1, 1, 1};
    examples.corrupted = {0, 0, 1, 1};
    examples.fittedSince = {2, 0, 3, 0};
    examples.predictions = kPredictions[3];
    std::ofstream(folder + "/examples.bin", std::ios::binary) << examples.serialize();
    if (predictionEpochs > 0) {
        PredictionLog::Writer writer(folder, 4);
        for (int epoch = 0; epoch < predictionEpochs; ++epoch) writer.append(kPredictions[epoch]);
    }
    return folder;
}

}  // namespace

class TestReplay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void timelineFollowsTheRecordedPace() {
        const ReplayTimeline timeline = ReplayTimeline::fromEpochSeconds({1.0, 2.0, 3.0});
        QCOMPARE(timeline.pace(), ReplayTimeline::Pace::Recorded);
        QCOMPARE(timeline.epochCount(), 3);
        QCOMPARE(timeline.endOf(0), 0.0);
        QCOMPARE(timeline.endOf(1), 1.0);
        QCOMPARE(timeline.endOf(3), 6.0);
        QCOMPARE(timeline.totalSeconds(), 6.0);
        QCOMPARE(timeline.epochsBy(0.0), 0);
        QCOMPARE(timeline.epochsBy(0.99), 0);
        QCOMPARE(timeline.epochsBy(1.0), 1);
        QCOMPARE(timeline.epochsBy(5.9), 2);
        QCOMPARE(timeline.epochsBy(100.0), 3);
    }

    void timelineStretchesAFastRunAndSqueezesALongOne() {
        // Ten epochs of 0.01 s: half a second each at 1×, relative durations kept.
        std::vector<double> fast(10, 0.01);
        fast[0] = 0.02;
        const ReplayTimeline stretched = ReplayTimeline::fromEpochSeconds(fast);
        QCOMPARE(stretched.pace(), ReplayTimeline::Pace::Stretched);
        QVERIFY(qFuzzyCompare(stretched.totalSeconds(), 5.0));
        QVERIFY(qFuzzyCompare(stretched.endOf(1), 2.0 * (stretched.endOf(2) - stretched.endOf(1))));

        // A hundred epochs of an hour: ten minutes in all at 1×.
        const ReplayTimeline squeezed =
            ReplayTimeline::fromEpochSeconds(std::vector<double>(100, 3600.0));
        QCOMPARE(squeezed.pace(), ReplayTimeline::Pace::Squeezed);
        QVERIFY(qFuzzyCompare(squeezed.totalSeconds(), ReplayTimeline::kLongestTotalSeconds));
        QVERIFY(qFuzzyCompare(squeezed.endOf(50), 300.0));

        // Two thousand epochs: half a second each wins over ten minutes.
        const ReplayTimeline many =
            ReplayTimeline::fromEpochSeconds(std::vector<double>(2000, 3600.0));
        QVERIFY(qFuzzyCompare(many.totalSeconds(), 1000.0));

        // A missing time: one second per epoch.
        const ReplayTimeline uniform = ReplayTimeline::fromEpochSeconds({2.0, NAN, 2.0, 0.0});
        QCOMPARE(uniform.pace(), ReplayTimeline::Pace::Uniform);
        QCOMPARE(uniform.endOf(4), 4.0);
    }

    void clockMovesAtItsSpeed() {
        // Twenty epochs of one second: after one wall second, 2× shows 2 epochs and 10× shows 10.
        const ReplayTimeline timeline =
            ReplayTimeline::fromEpochSeconds(std::vector<double>(20, 1.0));
        ReplayClock slow(timeline), fast(timeline);
        slow.setSpeed(2.0, 100.0);
        fast.setSpeed(10.0, 100.0);
        slow.play(100.0);
        fast.play(100.0);
        QCOMPARE(slow.epoch(101.0), 2);
        QCOMPARE(fast.epoch(101.0), 10);
        QVERIFY(qFuzzyCompare(fast.position(101.3), 5.0 * slow.position(101.3)));
        QVERIFY(qFuzzyCompare(slow.secondsLeft(101.0), 9.0));
        QVERIFY(qFuzzyCompare(fast.secondsToNextEpoch(101.05), 0.05));
        // The end stops the clock at the last epoch.
        QCOMPARE(fast.epoch(110.0), 20);
        QVERIFY(fast.atEnd(110.0));
        QCOMPARE(fast.position(500.0), 20.0);
        QCOMPARE(fast.secondsToNextEpoch(500.0), 0.0);
        // A speed change mid-way keeps the position and moves on at the new speed.
        slow.setSpeed(10.0, 101.0);
        QCOMPARE(slow.epoch(101.0), 2);
        QCOMPARE(slow.epoch(102.0), 12);
    }

    void pauseStopsTheClockAndSeekMovesIt() {
        ReplayClock clock(ReplayTimeline::fromEpochSeconds(std::vector<double>(10, 1.0)));
        clock.play(0.0);
        QCOMPARE(clock.epoch(3.5), 3);
        clock.pause(3.5);
        QVERIFY(!clock.isPlaying());
        QCOMPARE(clock.epoch(60.0), 3);
        clock.seek(8, 60.0);
        QCOMPARE(clock.epoch(61.0), 8);
        clock.seek(1, 61.0);
        QCOMPARE(clock.epoch(61.0), 1);
        clock.play(61.0);
        QCOMPARE(clock.epoch(62.0), 2);
        clock.seek(10, 62.0);
        QVERIFY(clock.atEnd(62.0));
        clock.pause(62.0);
        // Playing at the end starts over.
        clock.play(63.0);
        QCOMPARE(clock.epoch(63.0), 0);
        QCOMPARE(clock.epoch(64.0), 1);
        QVERIFY_THROWS_EXCEPTION(ConfigError, clock.seek(11, 64.0));
        QVERIFY_THROWS_EXCEPTION(ConfigError, clock.seek(-1, 64.0));
        QVERIFY_THROWS_EXCEPTION(ConfigError, clock.setSpeed(0.0, 64.0));
        QVERIFY_THROWS_EXCEPTION(ConfigError, clock.setSpeed(NAN, 64.0));
    }

    void speedsStepUpAndDown() {
        QCOMPARE(ReplayClock::speeds(), (std::vector<double>{1.0, 2.0, 5.0, 10.0, 50.0}));
        QCOMPARE(ReplayClock::faster(1.0), 2.0);
        QCOMPARE(ReplayClock::faster(10.0), 50.0);
        QCOMPARE(ReplayClock::faster(50.0), 50.0);
        QCOMPARE(ReplayClock::slower(5.0), 2.0);
        QCOMPARE(ReplayClock::slower(1.0), 1.0);
        QCOMPARE(ReplayClock::faster(3.0), 5.0);
        QCOMPARE(ReplayClock::slower(3.0), 2.0);
    }

    void fittedSinceFollowsThePredictions() {
        PredictionLog log(4, {0, 1, 3, 2, 1, 0, 3, 2, 1, 1, 1, 2, 1, 0, 1, 2});
        const std::vector<int> labels = {1, 1, 1, 1};
        QCOMPARE(MemorizationAnalysis::fittedSince(log, labels, 0), (std::vector<int>{0, 0, 0, 0}));
        QCOMPARE(MemorizationAnalysis::fittedSince(log, labels, 1), (std::vector<int>{0, 1, 0, 0}));
        QCOMPARE(MemorizationAnalysis::fittedSince(log, labels, 2), (std::vector<int>{2, 0, 0, 0}));
        QCOMPARE(MemorizationAnalysis::fittedSince(log, labels, 3), (std::vector<int>{2, 3, 3, 0}));
        QCOMPARE(MemorizationAnalysis::fittedSince(log, labels, 4), (std::vector<int>{2, 0, 3, 0}));
        QVERIFY_THROWS_EXCEPTION(RunStoreError, MemorizationAnalysis::fittedSince(log, labels, 5));
        QVERIFY_THROWS_EXCEPTION(RunStoreError, MemorizationAnalysis::fittedSince(log, {1, 1}, 2));
    }

    void recordedRunGivesTheTrainersReports() {
        QTemporaryDir dir;
        const std::string folder = writeReplayableRun(dir, 4, 4, "finished");
        const RecordedRun run = RecordedRun::load(folder);
        QCOMPARE(run.epochCount(), 4);
        QVERIFY(run.hasPredictions());
        QVERIFY(run.summary().status == RunStatus::Finished);
        QCOMPARE(run.start().epochs, 4);
        QCOMPARE(run.timeline().epochCount(), 4);
        const EpochReport third = run.report(3);
        QCOMPARE(third.metrics.epoch, 3);
        QCOMPARE(third.predictions, kPredictions[2]);
        QCOMPARE(third.fittedSince, (std::vector<int>{2, 3, 3, 0}));
        QCOMPARE(third.elapsedSeconds, 1.5);
        // The last report's fitted-since is what examples.bin says.
        QCOMPARE(run.report(4).fittedSince, run.examples()->fittedSince);
        QVERIFY(run.report(2, false).fittedSince.empty());
        QVERIFY_THROWS_EXCEPTION(RunStoreError, run.report(0));
        QVERIFY_THROWS_EXCEPTION(RunStoreError, run.report(5));
    }

    void incompleteRunEndsAtItsLastFinishedEpoch() {
        // Killed after the third metrics row, before its predictions: two epochs to replay.
        QTemporaryDir dir;
        const RecordedRun run = RecordedRun::load(writeReplayableRun(dir, 3, 2, std::nullopt));
        QVERIFY(run.summary().status == RunStatus::Incomplete);
        QCOMPARE(run.epochCount(), 2);
        QCOMPARE(run.report(2).predictions, kPredictions[1]);
    }

    void runWithoutPredictionsReplaysItsCurves() {
        QTemporaryDir dir;
        const RecordedRun run = RecordedRun::load(writeReplayableRun(dir, 4, 0, "finished"));
        QVERIFY(!run.hasPredictions());
        QCOMPARE(run.epochCount(), 4);
        QVERIFY(run.report(4).predictions.empty());
        QVERIFY(run.report(4).fittedSince.empty());
        QCOMPARE(run.report(4).metrics.trainAcc, 1.0);
    }

    void badFoldersNameTheFile() {
        QTemporaryDir dir;
        auto messageOf = [](const std::string& folder) {
            try {
                RecordedRun::load(folder);
            } catch (const RunStoreError& error) {
                return std::string(error.what());
            }
            return std::string();
        };
        const std::string missing = dir.filePath("nothing").toStdString();
        QVERIFY(messageOf(missing).find("not a folder") != std::string::npos);

        const std::string folder = writeReplayableRun(dir, 4, 4, "finished");
        std::ofstream(folder + "/predictions.bin", std::ios::binary | std::ios::trunc)
            << "garbage!garbage!";
        QVERIFY2(messageOf(folder).find("predictions.bin") != std::string::npos,
                 messageOf(folder).c_str());

        std::ofstream(folder + "/config.json", std::ios::trunc) << "{ not json";
        QVERIFY2(messageOf(folder).find("config.json") != std::string::npos,
                 messageOf(folder).c_str());

        QTemporaryDir empty;
        const std::string noEpochs = writeReplayableRun(empty, 0, 0, std::nullopt);
        QVERIFY2(messageOf(noEpochs).find("metrics.csv") != std::string::npos,
                 messageOf(noEpochs).c_str());
    }
};

QTEST_GUILESS_MAIN(TestReplay)
#include "test_replay.moc"
