#include <QtTest>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "corruption/corruptor.h"
#include "data/dataset_source.h"
#include "shatter_error.h"
#include "support/fixtures.h"
#include "train/run_preparation.h"
#include "train/trainer.h"

using namespace shatter;

namespace {

// Records what the trainer reports; can stop the run after a given epoch.
class RecordingObserver : public TrainingObserver {
public:
    std::vector<EpochReport> epochs;
    RunStart start;
    RunSummary summary;
    std::atomic<bool> finished{false};
    int stopAfterEpoch = 0;
    Trainer* trainer = nullptr;
    std::atomic<int> epochCount{0};
    std::atomic<bool> started{false};
    std::chrono::steady_clock::time_point lastEpochAt;  // when the last report arrived

    void onStarted(const RunStart& s) override {
        start = s;
        started = true;
    }
    void onEpoch(const EpochReport& report) override {
        epochs.push_back(report);
        lastEpochAt = std::chrono::steady_clock::now();
        ++epochCount;
        if (stopAfterEpoch > 0 && report.metrics.epoch == stopAfterEpoch) trainer->requestStop();
    }
    void onFinished(const RunSummary& s) override {
        summary = s;
        finished = true;
    }
};

using Clock = std::chrono::steady_clock;

// Waits up to `seconds` for `done`, checking every few milliseconds.
template <typename Done>
bool waitFor(Done done, double seconds = 30.0) {
    const Clock::time_point end = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                                     std::chrono::duration<double>(seconds));
    while (!done()) {
        if (Clock::now() > end) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

// How often `part` occurs in `text`.
int occurrences(const std::string& text, const std::string& part) {
    int count = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1))
        ++count;
    return count;
}

RunConfig smallConfig() {
    RunConfig config;
    config.model = "mlp-1x512";
    config.epochs = 5;
    config.batchSize = 16;
    config.learningRate = 0.01;
    config.lrDecay = 1.0;
    config.seed = 3;
    config.threads = 1;
    return config;
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

    Dataset m_dataset = test::makeSyntheticDataset(20, 10, 10, 1, 28);

private Q_SLOTS:
    void learnsATinyProblem() {
        RunConfig config = smallConfig();
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        RecordingObserver observer;
        const RunSummary summary = trainer.run(observer);
        QCOMPARE(toString(summary.status), std::string("finished"));
        QCOMPARE(int(observer.epochs.size()), 5);
        QCOMPARE(observer.start.trainExamples, 200);
        QCOMPARE(observer.start.parameters, 784 * 512 + 512 + 5130);
        const EpochMetrics& last = observer.epochs.back().metrics;
        QVERIFY2(last.testAcc > 0.9, qPrintable(QString::number(last.testAcc)));
        QVERIFY(last.trainLoss < observer.epochs.front().metrics.trainLoss);
        QVERIFY(std::isnan(last.trainAccCorrupted));  // nothing corrupted
        QCOMPARE(last.trainAccClean, last.trainAcc);
        QCOMPARE(last.gap, last.trainAcc - last.testAcc);
        QVERIFY(last.samplesPerSecond > 0 && last.epochSeconds > 0);
        QCOMPARE(summary.testAcc, last.testAcc);
        QCOMPARE(int(observer.epochs.back().predictions.size()), 200);
    }

    void fitsRandomLabels() {
        RunConfig config = smallConfig();
        config.trainSize = 100;
        config.corruption = CorruptionMode::Labels;
        config.level = 1.0;
        config.epochs = 60;
        config.fitThreshold = 1.0;
        config.stopWhenFit = true;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        QVERIFY(data.corruptedCount() > 70);
        Trainer trainer(config, data);
        RecordingObserver observer;
        const RunSummary summary = trainer.run(observer);
        QCOMPARE(toString(summary.status), std::string("finished"));
        QVERIFY2(summary.trainAcc >= 0.99, qPrintable(QString::number(summary.trainAcc)));
        QVERIFY(summary.epochsToFit.has_value());
        QCOMPARE(*summary.epochsToFit, summary.epochs);  // stopped as soon as it fitted
        const EpochReport& last = observer.epochs.back();
        QCOMPARE(last.metrics.trainAccCorrupted, 1.0);  // memorized every random label
        QVERIFY(last.metrics.testAcc < 0.4);
        // Every example is fitted now, and "fitted since" never lies in the future.
        for (std::size_t i = 0; i < last.fittedSince.size(); ++i) {
            QVERIFY(last.fittedSince[i] >= 1 && last.fittedSince[i] <= summary.epochs);
            QCOMPARE(last.predictions[i], data.train.labels[i]);
        }
        // The corrupted examples predicted as their true class are a minority once memorized.
        QVERIFY(last.metrics.corruptedPredictedTrue < 0.3);
    }

    void sameSeedSameNumbers() {
        RunConfig config = smallConfig();
        config.epochs = 2;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        RecordingObserver a, b;
        Trainer(config, data).run(a);
        Trainer(config, data).run(b);
        QCOMPARE(a.epochs.back().metrics.trainLoss, b.epochs.back().metrics.trainLoss);
        QCOMPARE(a.epochs.back().metrics.testLoss, b.epochs.back().metrics.testLoss);
    }

    void stopKeepsFinishedEpochs() {
        RunConfig config = smallConfig();
        config.epochs = 50;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        RecordingObserver observer;
        observer.trainer = &trainer;
        observer.stopAfterEpoch = 2;
        const RunSummary summary = trainer.run(observer);
        QCOMPARE(toString(summary.status), std::string("stopped"));
        QCOMPARE(summary.epochs, 2);
        QCOMPARE(int(observer.epochs.size()), 2);
        QVERIFY(observer.finished);
    }

    void pauseHoldsTheRunUntilResumed() {
        RunConfig config = smallConfig();
        config.epochs = 1;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        RecordingObserver observer;
        trainer.setPaused(true);
        const auto started = std::chrono::steady_clock::now();
        std::thread worker([&] { trainer.run(observer); });
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const bool nothingWhilePaused = observer.epochs.empty() && !observer.finished;
        trainer.setPaused(false);
        worker.join();
        const double wall =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        QVERIFY(nothingWhilePaused);
        QCOMPARE(toString(observer.summary.status), std::string("finished"));
        // Paused time does not count as training time: the epoch took at most the run's wall time
        // less the pause, however long the computing itself took (a sanitizer build, a busy
        // machine).
        const double epochSeconds = observer.epochs.front().metrics.epochSeconds;
        QVERIFY2(epochSeconds <= wall - 0.3 + 0.02,
                 qPrintable(QString("epoch %1 s, run %2 s").arg(epochSeconds).arg(wall)));
    }

    void learningRateDecaysAndCanChangeLive() {
        RunConfig config = smallConfig();
        config.epochs = 3;
        config.lrDecay = 0.5;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setLearningRate(0.04);
        RecordingObserver observer;
        trainer.run(observer);
        QCOMPARE(observer.epochs[0].metrics.lr, 0.04);
        QCOMPARE(observer.epochs[1].metrics.lr, 0.02);
        QCOMPARE(observer.epochs[2].metrics.lr, 0.01);
    }

    void divergenceEndsTheRunCleanly() {
        RunConfig config = smallConfig();
        config.learningRate = 90.0;
        config.momentum = 0.99;
        config.epochs = 20;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        RecordingObserver observer;
        const RunSummary summary = trainer.run(observer);
        QCOMPARE(toString(summary.status), std::string("diverged"));
        QVERIFY(QString::fromStdString(summary.message).contains("learning rate"));
        QVERIFY(observer.finished);
        // One sentence: which loss, when, at which rate, what to try; nothing said twice.
        const std::string& message = summary.message;
        QVERIFY2(message.find("at learning rate 90;") != std::string::npos, message.c_str());
        QCOMPARE(occurrences(message, "learning rate"), 2);  // the rate used, the advice
        QCOMPARE(occurrences(message, "try a smaller"), 1);
        QCOMPARE(occurrences(message, "epoch"), 1);
    }

    void pacingSpacesEpochsWithoutCountingTheWait() {
        // Epochs of 200 tiny images take a few milliseconds; paced, they arrive 0.2 s apart,
        // while their training time and throughput stay what they were.
        RunConfig config = smallConfig();
        config.epochs = 4;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setEpochInterval(0.2);
        RecordingObserver observer;
        const Clock::time_point start = Clock::now();
        QCOMPARE(toString(trainer.run(observer).status), std::string("finished"));
        const Clock::time_point returned = Clock::now();
        const double total = std::chrono::duration<double>(returned - start).count();
        QCOMPARE(int(observer.epochs.size()), 4);
        // Epoch k+1 starts once k intervals have passed since training started, so the reports
        // come an interval apart, give or take the difference in the epochs' own times.
        for (std::size_t i = 1; i < observer.epochs.size(); ++i) {
            const double at = observer.epochs[i].elapsedSeconds;
            QVERIFY2(at >= 0.2 * double(i),
                     qPrintable(QString("epoch %1 at %2 s").arg(i + 1).arg(at)));
            const double apart = at - observer.epochs[i - 1].elapsedSeconds;
            QVERIFY2(
                apart >= 0.1,
                qPrintable(QString("epochs %1 and %2: %3 s apart").arg(i).arg(i + 1).arg(apart)));
        }
        // The wait is not training time: epoch k+1 starts no earlier than k intervals into the run
        // and no earlier than epoch k's report, so its time is at most the time from the later of
        // the two to its own report, however long the computing itself took (a sanitizer build,
        // a busy machine: then there is no wait at all).
        for (std::size_t i = 0; i < observer.epochs.size(); ++i) {
            const EpochMetrics& m = observer.epochs[i].metrics;
            const double earliestStart =
                i == 0 ? 0.0 : std::max(observer.epochs[i - 1].elapsedSeconds, 0.2 * double(i));
            const double bound = observer.epochs[i].elapsedSeconds - earliestStart;
            QVERIFY2(m.epochSeconds <= bound + 0.02,
                     qPrintable(QString("epoch %1: %2 s, at most %3 s").arg(i + 1).arg(m.epochSeconds).arg(bound)));
            QCOMPARE(m.samplesPerSecond, 200.0 / m.epochSeconds);
        }
        // No wait after the last epoch: three intervals, not four. A fourth would keep run() until
        // four intervals into the run; where the epochs reached their last report before that
        // (not in a slow build, whose epochs take longer than the interval), run() returns sooner.
        const double fourthWait = 4 * 0.2 - observer.epochs.back().elapsedSeconds;
        const double afterLast = std::chrono::duration<double>(returned - observer.lastEpochAt).count();
        if (fourthWait > 0.1)
            QVERIFY2(afterLast < fourthWait,
                     qPrintable(QString("run() returned %1 s after the last report").arg(afterLast)));
        QVERIFY(total >= observer.epochs.back().elapsedSeconds);
    }

    void stopDuringAPacedWaitIsPrompt() {
        RunConfig config = smallConfig();
        config.epochs = 3;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setEpochInterval(30.0);
        RecordingObserver observer;
        RunSummary summary;
        std::thread worker([&] { summary = trainer.run(observer); });
        QVERIFY(waitFor([&] { return observer.epochCount >= 1; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));  // well inside the wait
        const Clock::time_point stop = Clock::now();
        trainer.requestStop();
        worker.join();
        const double took = std::chrono::duration<double>(Clock::now() - stop).count();
        QVERIFY2(took < 0.5, qPrintable(QString::number(took)));
        QCOMPARE(toString(summary.status), std::string("stopped"));
        QCOMPARE(summary.epochs, 1);
    }

    void theIntervalCanChangeMidRun() {
        RunConfig config = smallConfig();
        config.epochs = 3;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setEpochInterval(30.0);
        RecordingObserver observer;
        std::thread worker([&] { trainer.run(observer); });
        QVERIFY(waitFor([&] { return observer.epochCount >= 1; }));
        trainer.setEpochInterval(0.0);  // as fast as possible from here
        const bool quick = waitFor([&] { return bool(observer.finished); }, 5.0);
        if (!quick) trainer.requestStop();
        worker.join();
        QVERIFY(quick);
        QCOMPARE(int(observer.epochs.size()), 3);
    }

    void stepFromPausedTrainsExactlyOneEpoch() {
        RunConfig config = smallConfig();
        config.epochs = 4;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setPaused(true);
        RecordingObserver observer;
        std::thread worker([&] { trainer.run(observer); });
        QVERIFY(waitFor([&] { return bool(observer.started); }));
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        const int beforeStep = observer.epochCount;

        trainer.step();
        QVERIFY(waitFor([&] { return observer.epochCount >= 1; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));  // paused again: no more
        const int afterFirstStep = observer.epochCount;
        trainer.step();
        QVERIFY(waitFor([&] { return observer.epochCount >= 2; }));
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        const int afterSecondStep = observer.epochCount;
        const bool stillRunning = !observer.finished;

        trainer.setPaused(false);  // resumes to the end
        worker.join();
        QCOMPARE(beforeStep, 0);
        QCOMPARE(afterFirstStep, 1);
        QCOMPARE(afterSecondStep, 2);
        QVERIFY(stillRunning);
        QVERIFY(observer.epochs[0].pausedAfter);
        QVERIFY(observer.epochs[1].pausedAfter);
        QVERIFY(!observer.epochs[2].pausedAfter);
        QCOMPARE(int(observer.epochs.size()), 4);
        QCOMPARE(toString(observer.summary.status), std::string("finished"));
        // The time spent paused between steps is not training time: epochs 2 and 3 each followed
        // at least 0.3 s paused after the report before them, so each took at most the time
        // between the two reports less the pause, however long the computing itself took.
        for (std::size_t i = 1; i <= 2; ++i) {
            const double apart = observer.epochs[i].elapsedSeconds - observer.epochs[i - 1].elapsedSeconds;
            const double seconds = observer.epochs[i].metrics.epochSeconds;
            QVERIFY2(seconds <= apart - 0.3 + 0.02,
                     qPrintable(QString("epoch %1: %2 s, reports %3 s apart").arg(i + 1).arg(seconds).arg(apart)));
        }
    }

    void pausingDuringAStepCancelsIt() {
        RunConfig config = smallConfig();
        config.epochs = 2;
        const CorruptedDataset data = RunPreparation::prepare(config, m_dataset);
        Trainer trainer(config, data);
        trainer.setPaused(true);
        RecordingObserver observer;
        std::thread worker([&] { trainer.run(observer); });
        QVERIFY(waitFor([&] { return bool(observer.started); }));
        trainer.step();
        trainer.setPaused(false);  // resumed during the step: no pause at the epoch's end
        const bool ran = waitFor([&] { return bool(observer.finished); }, 10.0);
        if (!ran) trainer.requestStop();
        worker.join();
        QVERIFY(ran);
        QCOMPARE(int(observer.epochs.size()), 2);
    }

    // A loss that stays finite but explodes (Fashion-MNIST at lr 5: 2.4e9, 3e12, 9e13, ... with
    // accuracy at chance) ends as diverged within a few epochs, with one message that says why.
    void explodingFiniteLossEndsAsDiverged() {
        if (!std::filesystem::exists(DatasetSource::kBuiltInFashionMnistDirectory)) {
            QSKIP("dataset-fashion-mnist is not installed");
        }
        RunConfig config;
        config.dataset = "fashion-mnist";
        config.trainSize = 2000;
        config.learningRate = 5.0;
        config.epochs = 6;
        config.seed = 7;
        config.threads = 1;
        const CorruptedDataset data =
            RunPreparation::prepare(config, RunPreparation::loadDataset(config));
        Trainer trainer(config, data);
        RecordingObserver observer;
        const RunSummary summary = trainer.run(observer);
        QVERIFY2(!observer.epochs.empty() && std::isfinite(observer.epochs[0].metrics.trainLoss),
                 "the first epoch's loss is finite: this is the exploding case, not the NaN one");
        QCOMPARE(toString(summary.status), std::string("diverged"));
        QVERIFY2(observer.epochs.size() <= 3, qPrintable(QString::number(observer.epochs.size())));
        const QString message = QString::fromStdString(summary.message);
        QVERIFY2(message.contains("exploded"), qPrintable(message));
        QVERIFY(message.contains("learning rate"));
    }

    void otherModelsAndRandomCropTrain() {
        const Dataset colour = test::makeSyntheticDataset(4, 2, 10, 3, 32);
        for (const char* model : {"alexnet", "inception", "inception-nobn", "mlp-3x512"}) {
            RunConfig config = smallConfig();
            config.model = model;
            config.epochs = 1;
            config.randomCrop = true;
            config.learningRate.reset();
            const CorruptedDataset data = RunPreparation::prepare(config, colour);
            RecordingObserver observer;
            const RunSummary summary = Trainer(config, data).run(observer);
            QVERIFY2(toString(summary.status) == "finished", qPrintable(QString::fromStdString(model + (": " + summary.message))));
            QCOMPARE(int(observer.epochs.size()), 1);
        }
    }

    void badConfigFailsWithMessage() {
        RunConfig config = smallConfig();
        config.device = "cuda";
        const CorruptedDataset data = RunPreparation::prepare(smallConfig(), m_dataset);
        RecordingObserver observer;
        const RunSummary summary = Trainer(config, data).run(observer);
        if (toString(summary.status) == "finished") QSKIP("a CUDA device is present");
        QCOMPARE(toString(summary.status), std::string("failed"));
        QVERIFY(QString::fromStdString(summary.message).contains("cuda"));
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
