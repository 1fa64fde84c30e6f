// MemorizationTracker: fit epochs and forgetting events kept up to date one epoch at a time agree
// with MemorizationAnalysis::compute over the same epochs, after every epoch, and follow a run's
// predictions as they grow, move back or are replaced.
#include <QtTest>
#include <cstdint>
#include <random>

#include "analysis/memorization_analysis.h"
#include "analysis/memorization_tracker.h"

using namespace shatter;

namespace {

constexpr int kClasses = 5;

// Examples with true and assigned labels; about a third corrupted (assigned differs from true).
ExampleRecords randomExamples(std::mt19937& random, int count) {
    ExampleRecords examples;
    std::uniform_int_distribution<int> label(0, kClasses - 1);
    std::bernoulli_distribution corrupt(0.35);
    for (int i = 0; i < count; ++i) {
        const int trueLabel = label(random);
        int assigned = trueLabel;
        if (corrupt(random)) assigned = (trueLabel + 1 + label(random) % (kClasses - 1)) % kClasses;
        examples.trueLabels.push_back(trueLabel);
        examples.assignedLabels.push_back(assigned);
        examples.corrupted.push_back(assigned != trueLabel ? 1 : 0);
    }
    return examples;
}

// Predictions per epoch: each example is learned, forgotten and learned again at random; some
// are never learned, some are right from the first epoch; a wrong prediction is often the true
// class of a corrupted example.
std::vector<std::vector<int>> randomEpochs(std::mt19937& random, const ExampleRecords& examples,
                                           int epochs) {
    const std::size_t count = examples.assignedLabels.size();
    std::uniform_int_distribution<int> label(0, kClasses - 1);
    std::uniform_real_distribution<double> chance(0.0, 1.0);
    std::vector<double> learnRate(count), forgetRate(count);
    std::vector<bool> learned(count);
    for (std::size_t i = 0; i < count; ++i) {
        learnRate[i] = chance(random) < 0.1 ? 0.0 : 0.05 + 0.4 * chance(random);
        forgetRate[i] = chance(random) < 0.3 ? 0.0 : 0.3 * chance(random);
        learned[i] = chance(random) < 0.2;
    }
    std::vector<std::vector<int>> all;
    for (int epoch = 0; epoch < epochs; ++epoch) {
        std::vector<int> predictions(count);
        for (std::size_t i = 0; i < count; ++i) {
            if (epoch > 0) {
                learned[i] =
                    learned[i] ? chance(random) >= forgetRate[i] : chance(random) < learnRate[i];
            }
            const int assigned = examples.assignedLabels[i];
            int wrong = chance(random) < 0.5 ? examples.trueLabels[i] : label(random);
            if (wrong == assigned) wrong = (assigned + 1) % kClasses;
            predictions[i] = learned[i] ? assigned : wrong;
        }
        all.push_back(std::move(predictions));
    }
    return all;
}

MemorizationReport analysisOf(const std::vector<std::vector<int>>& epochs, std::size_t upTo,
                              const ExampleRecords& examples) {
    std::vector<std::uint8_t> bytes;
    for (std::size_t e = 0; e < upTo; ++e) {
        for (int predicted : epochs[e]) bytes.push_back(static_cast<std::uint8_t>(predicted));
    }
    return MemorizationAnalysis::compute(PredictionLog(examples.assignedLabels.size(), bytes),
                                         examples, kClasses);
}

bool agrees(const MemorizationTracker& tracker, const MemorizationReport& report) {
    return tracker.epochs() == report.epochs && tracker.fitEpoch() == report.fitEpoch &&
           tracker.forgettingEvents() == report.forgettingEvents;
}

}  // namespace

class TestMemorizationTracker : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agreesWithTheAnalysisAfterEveryEpoch() {
        for (unsigned seed : {1u, 2u, 3u, 4u}) {
            std::mt19937 random(seed);
            const ExampleRecords examples = randomExamples(random, 80);
            const auto epochs = randomEpochs(random, examples, 40);
            MemorizationTracker tracker;
            tracker.reset(examples.assignedLabels);
            QVERIFY(agrees(tracker, analysisOf(epochs, 0, examples)));
            for (std::size_t e = 0; e < epochs.size(); ++e) {
                tracker.add(epochs[e]);
                QVERIFY2(agrees(tracker, analysisOf(epochs, e + 1, examples)),
                         qPrintable(QString("seed %1, epoch %2").arg(seed).arg(e + 1)));
            }
            // The sequences exercise what they are meant to: corrupted examples fitted, examples
            // forgotten, and fitted again after being forgotten.
            const MemorizationReport report = analysisOf(epochs, epochs.size(), examples);
            int relearned = 0;
            for (std::size_t i = 0; i < examples.corrupted.size(); ++i) {
                relearned += report.forgettingEvents[i] > 0 && report.fitEpoch[i] > 0;
            }
            QVERIFY(report.corrupted.fitted > 0);
            QVERIFY(report.corrupted.forgettingEvents + report.clean.forgettingEvents > 0);
            QVERIFY(relearned > 0);
        }
    }

    void followsPredictionsThatGrowMoveBackOrAreReplaced() {
        std::mt19937 random(7);
        const ExampleRecords examples = randomExamples(random, 60);
        const auto run = randomEpochs(random, examples, 20);
        const auto other = randomEpochs(random, examples, 20);
        MemorizationTracker tracker;
        tracker.reset(examples.assignedLabels);
        const auto firstOf = [](const std::vector<std::vector<int>>& epochs, std::size_t count) {
            return std::vector<std::vector<int>>(epochs.begin(), epochs.begin() + count);
        };

        tracker.follow(firstOf(run, 0));
        QVERIFY(agrees(tracker, analysisOf(run, 0, examples)));
        // Epochs one at a time, then several arriving together.
        for (std::size_t count : {1u, 2u, 3u, 7u, 12u}) {
            tracker.follow(firstOf(run, count));
            QVERIFY(agrees(tracker, analysisOf(run, count, examples)));
        }
        // A replay moved back, then on again.
        tracker.follow(firstOf(run, 4));
        QVERIFY(agrees(tracker, analysisOf(run, 4, examples)));
        tracker.follow(firstOf(run, 15));
        QVERIFY(agrees(tracker, analysisOf(run, 15, examples)));
        // Another run of as many epochs or more: started over, not appended to the first.
        tracker.follow(firstOf(other, 15));
        QVERIFY(agrees(tracker, analysisOf(other, 15, examples)));
        tracker.follow(firstOf(run, 17));
        QVERIFY(agrees(tracker, analysisOf(run, 17, examples)));
        // A new run, before its first epoch.
        tracker.follow({});
        QCOMPARE(tracker.epochs(), 0);
        QVERIFY(agrees(tracker, analysisOf(run, 0, examples)));
        tracker.follow(run);
        QVERIFY(agrees(tracker, analysisOf(run, run.size(), examples)));
    }

    void refusesAnEpochOfAnotherSize() {
        MemorizationTracker tracker;
        tracker.reset({0, 1, 2});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, tracker.add({0, 1}));
        QCOMPARE(tracker.epochs(), 0);
    }
};

QTEST_GUILESS_MAIN(TestMemorizationTracker)
#include "test_memorization_tracker.moc"
