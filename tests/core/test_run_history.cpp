// A run's history as it arrives: epochs and per-example predictions in order, a fresh start per
// run, and the library entry it gives without reading the run folder.
#include <QtTest>
#include <cmath>

#include "run/run_history.h"

using namespace shatter;

namespace {

EpochReport report(int epoch, double trainAcc, double testAcc, std::vector<int> predictions) {
    EpochReport report;
    report.metrics.epoch = epoch;
    report.metrics.trainAcc = trainAcc;
    report.metrics.testAcc = testAcc;
    report.metrics.gap = trainAcc - testAcc;
    report.metrics.samplesPerSecond = 100.0 * epoch;
    report.predictions = std::move(predictions);
    report.fittedSince = std::vector<int>(report.predictions.size(), epoch);
    report.elapsedSeconds = 2.0 * epoch;
    return report;
}

}  // namespace

class TestRunHistory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void keepsEveryEpochInOrder() {
        RunHistory history;
        history.begin(5);
        QCOMPARE(history.plannedEpochs(), 5);
        QVERIFY(!history.latest());
        history.add(report(1, 0.5, 0.1, {1, 2, 3}));
        history.add(report(2, 0.9, 0.1, {1, 2, 4}));
        QCOMPARE(int(history.epochs().size()), 2);
        QCOMPARE(history.epochs()[0].trainAcc, 0.5);
        QCOMPARE(history.epochs()[1].trainAcc, 0.9);
        QCOMPARE(history.latest()->epoch, 2);
        QCOMPARE(int(history.predictions().size()), 2);
        QCOMPARE(history.predictions()[0], (std::vector<int>{1, 2, 3}));
        QCOMPARE(history.predictions()[1], (std::vector<int>{1, 2, 4}));
        QCOMPARE(history.fittedSince(), (std::vector<int>{2, 2, 2}));
        QCOMPARE(history.elapsedSeconds(), 4.0);
    }

    void beginStartsOver() {
        RunHistory history;
        history.begin(3);
        history.add(report(1, 0.5, 0.1, {1}));
        history.begin(7);
        QCOMPARE(history.plannedEpochs(), 7);
        QVERIFY(history.epochs().empty());
        QVERIFY(history.predictions().empty());
        QVERIFY(history.fittedSince().empty());
        QVERIFY(!history.latest());
    }

    void entryCarriesTheEpochsAndTheirNumbers() {
        RunEntry listed;
        listed.directory = "/runs/20260110-093000-mlp";
        listed.displayName = "mlp";
        listed.readable = true;
        listed.record.config.fitThreshold = 0.8;
        listed.record.info.startedAt = "2026-01-10T09:30:00Z";

        RunHistory history;
        history.begin(4);
        RunEntry entry = history.entry(listed);
        QCOMPARE(entry.epochCount(), 0);
        QVERIFY(std::isnan(entry.summary().trainAcc));
        QVERIFY(!entry.summary().epochsToFit);

        history.add(report(1, 0.5, 0.2, {}));
        history.add(report(2, 0.85, 0.15, {}));
        history.add(report(3, 0.95, 0.1, {}));
        entry = history.entry(listed);
        QCOMPARE(entry.directory, listed.directory);
        QCOMPARE(entry.displayName, std::string("mlp"));
        QCOMPARE(entry.record.info.startedAt, listed.record.info.startedAt);
        QVERIFY(entry.readable);
        QVERIFY(entry.status() == RunStatus::Incomplete);
        QCOMPARE(entry.epochCount(), 3);
        QCOMPARE(entry.summary().trainAcc, 0.95);
        QCOMPARE(entry.summary().testAcc, 0.1);
        QCOMPARE(entry.summary().gap, 0.95 - 0.1);
        QCOMPARE(entry.summary().epochsToFit, std::optional<int>(2));
        QCOMPARE(int(entry.record.epochs.size()), 3);
        QCOMPARE(entry.record.epochs[1].trainAcc, 0.85);
    }
};

QTEST_GUILESS_MAIN(TestRunHistory)
#include "test_run_history.moc"
