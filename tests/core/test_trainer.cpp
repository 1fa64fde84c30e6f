#include <QtTest>
#include <thread>

#include "corruption/corruptor.h"
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
    bool finished = false;
    int stopAfterEpoch = 0;
    Trainer* trainer = nullptr;

    void onStarted(const RunStart& s) override { start = s; }
    void onEpoch(const EpochReport& report) override {
        epochs.push_back(report);
        if (stopAfterEpoch > 0 && report.metrics.epoch == stopAfterEpoch) trainer->requestStop();
    }
    void onFinished(const RunSummary& s) override {
        summary = s;
        finished = true;
    }
};

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
