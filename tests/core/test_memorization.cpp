#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <fstream>

#include "analysis/example_selection.h"
#include "analysis/memorization_analysis.h"
#include "pipeline/run_pipeline.h"
#include "run/metric_column.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

// Four examples over four epochs, with the assigned label 1 for all:
//   0 clean:     wrong, right, right, right   -> fit epoch 2, never forgotten
//   1 clean:     right, wrong, right, wrong   -> not fitted, 2 forgetting events
//   2 corrupted: true class 3 predicted until epoch 2, then 1 -> fit epoch 3
//   3 corrupted: never right, predicted 2     -> never learned
ExampleRecords fourExamples() {
    ExampleRecords examples;
    examples.trueLabels = {1, 1, 3, 2};
    examples.assignedLabels = {1, 1, 1, 1};
    examples.corrupted = {0, 0, 1, 1};
    return examples;
}

PredictionLog fourEpochs() {
    // Epoch after epoch, one byte per example.
    return PredictionLog(4, {0, 1, 3, 2,  //
                             1, 0, 3, 2,  //
                             1, 1, 1, 2,  //
                             1, 0, 1, 2});
}

class NoObserver : public RunObserver {};

}  // namespace

class TestMemorization : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void predictionLogRoundTripsAndIgnoresATornEpoch() {
        QTemporaryDir dir;
        {
            PredictionLog::Writer writer(dir.path().toStdString(), 3);
            writer.append({0, 1, 2});
            writer.append({9, 8, 7});
        }
        {
            // A process killed in the middle of the third epoch's block.
            std::ofstream file(dir.filePath("predictions.bin").toStdString(),
                               std::ios::app | std::ios::binary);
            file.write("\x05\x05", 2);
        }
        const PredictionLog log = PredictionLog::load(dir.path().toStdString());
        QCOMPARE(log.exampleCount(), std::size_t{3});
        QCOMPARE(log.epochCount(), 2);
        QCOMPARE(log.at(1, 2), 2);
        QCOMPARE(log.at(2, 0), 9);
        QVERIFY(log.epoch(2) == (std::vector<int>{9, 8, 7}));
    }

    void predictionLogRejectsOtherFiles() {
        QTemporaryDir dir;
        std::ofstream(dir.filePath("predictions.bin").toStdString()) << "not predictions";
        QVERIFY_THROWS_EXCEPTION(RunStoreError, PredictionLog::load(dir.path().toStdString()));
    }

    void fitEpochsForgettingAndThePeakOfPredictedAsTrue() {
        const MemorizationReport report =
            MemorizationAnalysis::compute(fourEpochs(), fourExamples(), 4);
        QCOMPARE(report.epochs, 4);
        QVERIFY(report.fitEpoch == (std::vector<int>{2, 0, 3, 0}));
        QVERIFY(report.forgettingEvents == (std::vector<int>{0, 2, 0, 0}));
        QCOMPARE(report.clean.fitted, 1);
        QCOMPARE(*report.clean.fitEpochMedian, 2.0);
        QCOMPARE(*report.corrupted.fitEpochMedian, 3.0);
        QVERIFY(report.clean.fitEpochCounts == (std::vector<int>{0, 1, 0, 0}));
        QVERIFY(report.corrupted.fitEpochCounts == (std::vector<int>{0, 0, 1, 0}));
        QCOMPARE(report.clean.neverForgotten, 1);
        QCOMPARE(report.clean.forgettingEvents, 2LL);
        QVERIFY(report.clean.forgettingCounts == (std::vector<int>{1, 0, 1}));
        QCOMPARE(report.corrupted.neverForgotten, 1);
        QCOMPARE(report.corrupted.neverLearned, 1);
        QVERIFY(report.corruptedPredictedTrue == (std::vector<double>{1.0, 1.0, 0.5, 0.5}));
        QVERIFY(report.corruptedAccuracy == (std::vector<double>{0.0, 0.0, 0.5, 0.5}));
        QCOMPARE(*report.peakPredictedTrueEpoch, 1);
        QCOMPARE(report.peakPredictedTrue, 1.0);
        QCOMPARE(report.corruptedConfusion[3][1], 1);  // true 3, predicted 1 at the last epoch
        QCOMPARE(report.corruptedConfusion[2][2], 1);
    }

    void gallerySelectionFiltersAndSortsBothWays() {
        using S = ExampleSelection;
        const std::vector<std::uint8_t> corrupted = {0, 1, 0, 1, 0};
        const std::vector<int> fitEpoch = {3, 0, 1, 7, 5};
        const std::vector<int> forgetting = {1, 4, 0, 2, 0};
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::All,
                          S::Order::FitEpochAscending) ==
                (std::vector<int>{2, 0, 4, 3, 1}));  // not fitted last
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::All,
                          S::Order::FitEpochDescending) == (std::vector<int>{3, 4, 0, 2, 1}));
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::All,
                          S::Order::ForgettingDescending) == (std::vector<int>{1, 3, 0, 2, 4}));
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::Corrupted,
                          S::Order::Dataset) == (std::vector<int>{1, 3}));
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::FittedLast,
                          S::Order::Dataset) == (std::vector<int>{3}));
        QVERIFY(S::choose(corrupted, fitEpoch, forgetting, S::Filter::MostForgotten,
                          S::Order::Dataset) == (std::vector<int>{1}));
        QVERIFY(S::choose(corrupted, {}, {}, S::Filter::NotFitted, S::Order::FitEpochAscending)
                    .size() == 5);
    }

    void quantilesInterpolate() {
        QVERIFY(!MemorizationAnalysis::quantile({}, 0.5));
        QCOMPARE(*MemorizationAnalysis::quantile({1, 2, 3, 4}, 0.5), 2.5);
        QCOMPARE(*MemorizationAnalysis::quantile({5}, 0.9), 5.0);
    }

    // A real run: the report recomputed from predictions.bin agrees with what the trainer
    // measured as it went (examples.bin's fit epochs, metrics.csv's corrupted columns).
    void aRunsPredictionsFileReproducesItsMetrics() {
        QTemporaryDir root;
        RunConfig config;
        config.dataset = "fashion-mnist";  // read through the test's loader, not from disk
        config.corruption = CorruptionMode::Labels;
        config.level = 0.5;
        config.epochs = 6;
        config.batchSize = 16;
        config.seed = 1;
        config.threads = 1;
        RunPipeline pipeline(config, root.path().toStdString());
        const auto dataset =
            std::make_shared<const Dataset>(test::makeSyntheticDataset(30, 5, 10, 1, 28));
        pipeline.setDatasetLoader([&](const std::string&) { return dataset; });
        NoObserver observer;
        pipeline.run(observer);

        const RunRecord run = RunReader::load(pipeline.directory());
        const ExampleRecords examples = RunReader::loadExamples(pipeline.directory());
        const MemorizationReport report = MemorizationAnalysis::forRunFolder(pipeline.directory());
        QCOMPARE(report.epochs, 6);
        QVERIFY(report.fitEpoch == examples.fittedSince);
        QVERIFY(report.corrupted.examples > 0);
        for (int epoch = 1; epoch <= report.epochs; ++epoch) {
            const EpochMetrics& m = run.epochs[static_cast<std::size_t>(epoch - 1)];
            const auto e = static_cast<std::size_t>(epoch - 1);
            QVERIFY(std::abs(report.corruptedAccuracy[e] - m.trainAccCorrupted) < 1e-5);
            QVERIFY(std::abs(report.corruptedPredictedTrue[e] - m.corruptedPredictedTrue) < 1e-5);
        }
        QVERIFY(PredictionLog::load(pipeline.directory()).epoch(6) == examples.predictions);
    }
};

QTEST_GUILESS_MAIN(TestMemorization)
#include "test_memorization.moc"
