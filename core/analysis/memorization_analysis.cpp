#include "analysis/memorization_analysis.h"

#include <algorithm>
#include <cmath>

#include "analysis/memorization_tracker.h"
#include "run/run_reader.h"
#include "shatter_error.h"

namespace shatter {

namespace {

// Fit epoch, forgetting events and whether it was ever correct, for one example.
struct ExampleHistory {
    int fitEpoch = 0;
    int forgettingEvents = 0;
    bool everCorrect = false;
};

// Over epochs 1..lastEpoch.
ExampleHistory historyOf(const PredictionLog& predictions, std::size_t example, int label, int lastEpoch) {
    ExampleHistory history;
    bool previousCorrect = false;
    for (int epoch = 1; epoch <= lastEpoch; ++epoch) {
        const bool correct = predictions.at(epoch, example) == label;
        MemorizationTracker::observe(epoch, correct, previousCorrect, history.fitEpoch,
                                     history.forgettingEvents);
        history.everCorrect = history.everCorrect || correct;
        previousCorrect = correct;
    }
    return history;
}

void addToGroup(MemorizationReport::Group& group, const ExampleHistory& history,
                std::vector<int>& fitEpochs) {
    ++group.examples;
    if (history.fitEpoch > 0) {
        ++group.fitted;
        ++group.fitEpochCounts[static_cast<std::size_t>(history.fitEpoch - 1)];
        fitEpochs.push_back(history.fitEpoch);
    }
    const auto events = static_cast<std::size_t>(history.forgettingEvents);
    if (group.forgettingCounts.size() <= events) group.forgettingCounts.resize(events + 1, 0);
    ++group.forgettingCounts[events];
    group.forgettingEvents += history.forgettingEvents;
    if (!history.everCorrect) {
        ++group.neverLearned;
    } else if (history.forgettingEvents == 0) {
        ++group.neverForgotten;
    }
}

void setQuantiles(MemorizationReport::Group& group, std::vector<int>& fitEpochs) {
    std::sort(fitEpochs.begin(), fitEpochs.end());
    group.fitEpochQ25 = MemorizationAnalysis::quantile(fitEpochs, 0.25);
    group.fitEpochMedian = MemorizationAnalysis::quantile(fitEpochs, 0.5);
    group.fitEpochQ75 = MemorizationAnalysis::quantile(fitEpochs, 0.75);
    group.fitEpochQ90 = MemorizationAnalysis::quantile(fitEpochs, 0.9);
}

}  // namespace

std::optional<double> MemorizationAnalysis::quantile(const std::vector<int>& ascending, double q) {
    if (ascending.empty()) return std::nullopt;
    const double position = q * static_cast<double>(ascending.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(position));
    const std::size_t above = std::min(below + 1, ascending.size() - 1);
    const double fraction = position - static_cast<double>(below);
    return ascending[below] + fraction * (ascending[above] - ascending[below]);
}

MemorizationReport MemorizationAnalysis::compute(const PredictionLog& predictions,
                                                 const ExampleRecords& examples, int classCount) {
    if (predictions.epochCount() > 0 && predictions.exampleCount() != examples.size()) {
        throw RunStoreError("the predictions cover " + std::to_string(predictions.exampleCount()) +
                            " examples, the example records " + std::to_string(examples.size()));
    }
    MemorizationReport report;
    report.epochs = predictions.epochCount();
    report.classCount = classCount;
    const auto epochs = static_cast<std::size_t>(report.epochs);
    for (MemorizationReport::Group* group : {&report.clean, &report.corrupted}) {
        group->fitEpochCounts.assign(epochs, 0);
    }
    report.corruptedConfusion.assign(static_cast<std::size_t>(classCount),
                                     std::vector<int>(static_cast<std::size_t>(classCount), 0));

    std::vector<int> cleanFitEpochs, corruptedFitEpochs;
    std::vector<int> correctPerEpoch(epochs, 0), predictedTruePerEpoch(epochs, 0);
    report.fitEpoch.resize(examples.size());
    report.forgettingEvents.resize(examples.size());
    for (std::size_t i = 0; i < examples.size(); ++i) {
        const ExampleHistory history =
            historyOf(predictions, i, examples.assignedLabels[i], predictions.epochCount());
        report.fitEpoch[i] = history.fitEpoch;
        report.forgettingEvents[i] = history.forgettingEvents;
        const bool corrupted = examples.corrupted[i] != 0;
        addToGroup(corrupted ? report.corrupted : report.clean, history,
                   corrupted ? corruptedFitEpochs : cleanFitEpochs);
        if (!corrupted || epochs == 0) continue;
        for (std::size_t e = 0; e < epochs; ++e) {
            const int predicted = predictions.at(static_cast<int>(e) + 1, i);
            correctPerEpoch[e] += predicted == examples.assignedLabels[i];
            predictedTruePerEpoch[e] += predicted == examples.trueLabels[i];
        }
        const int last = predictions.at(report.epochs, i);
        if (examples.trueLabels[i] < classCount && last < classCount) {
            ++report.corruptedConfusion[static_cast<std::size_t>(examples.trueLabels[i])]
                                       [static_cast<std::size_t>(last)];
        }
    }
    setQuantiles(report.clean, cleanFitEpochs);
    setQuantiles(report.corrupted, corruptedFitEpochs);

    if (report.corrupted.examples > 0) {
        const double count = report.corrupted.examples;
        for (std::size_t e = 0; e < epochs; ++e) {
            report.corruptedAccuracy.push_back(correctPerEpoch[e] / count);
            report.corruptedPredictedTrue.push_back(predictedTruePerEpoch[e] / count);
            if (!report.peakPredictedTrueEpoch ||
                report.corruptedPredictedTrue.back() > report.peakPredictedTrue) {
                report.peakPredictedTrue = report.corruptedPredictedTrue.back();
                report.peakPredictedTrueEpoch = static_cast<int>(e) + 1;
            }
        }
    }
    return report;
}

std::vector<int> MemorizationAnalysis::fittedSince(const PredictionLog& predictions,
                                                  const std::vector<int>& assignedLabels, int epoch) {
    if (epoch < 0 || epoch > predictions.epochCount()) {
        throw RunStoreError("epoch " + std::to_string(epoch) + " is not among the " +
                            std::to_string(predictions.epochCount()) + " epochs of the predictions");
    }
    if (predictions.epochCount() > 0 && predictions.exampleCount() != assignedLabels.size()) {
        throw RunStoreError("the predictions cover " + std::to_string(predictions.exampleCount()) +
                            " examples, the labels " + std::to_string(assignedLabels.size()));
    }
    std::vector<int> since(assignedLabels.size(), 0);
    for (std::size_t i = 0; i < since.size() && epoch > 0; ++i)
        since[i] = historyOf(predictions, i, assignedLabels[i], epoch).fitEpoch;
    return since;
}

MemorizationReport MemorizationAnalysis::forRunFolder(const std::string& runDirectory) {
    const RunRecord run = RunReader::load(runDirectory);
    const ExampleRecords examples = RunReader::loadExamples(runDirectory);
    int classCount = static_cast<int>(run.info.classNames.size());
    for (int label : examples.trueLabels) classCount = std::max(classCount, label + 1);
    for (int label : examples.assignedLabels) classCount = std::max(classCount, label + 1);
    return compute(PredictionLog::load(runDirectory), examples, classCount);
}

}  // namespace shatter
