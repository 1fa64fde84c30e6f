#include "replay/recorded_run.h"

#include <cmath>
#include <filesystem>

#include "analysis/memorization_analysis.h"
#include "run/run_reader.h"
#include "shatter_error.h"

namespace shatter {

RecordedRun::RecordedRun(RunRecord record, std::optional<ExampleRecords> examples,
                         std::optional<PredictionLog> predictions)
    : m_record(std::move(record)), m_examples(std::move(examples)) {
    m_epochCount = static_cast<int>(m_record.epochs.size());
    if (predictions && m_examples && predictions->exampleCount() == m_examples->size()) {
        m_epochCount = std::min(m_epochCount, predictions->epochCount());
        m_predictions = std::move(predictions);
    }
}

RecordedRun RecordedRun::load(const std::string& directory) {
    RunRecord record = RunReader::load(directory);
    if (record.info.kind != "training") {
        throw RunStoreError((std::filesystem::path(directory) / "config.json").string() + ": a " +
                            record.info.kind + " run has no epochs to replay");
    }
    if (record.epochs.empty()) {
        throw RunStoreError((std::filesystem::path(directory) / "metrics.csv").string() +
                            ": no finished epoch to replay");
    }
    std::optional<ExampleRecords> examples;
    std::optional<PredictionLog> predictions;
    if (record.hasExamples) examples = RunReader::loadExamples(directory);
    if (record.hasPredictions) {
        predictions = PredictionLog::load(directory);
        const std::string path =
            (std::filesystem::path(directory) / PredictionLog::kFileName).string();
        if (predictions->epochCount() > 0 && predictions->exampleCount() != examples->size()) {
            throw RunStoreError(
                path + ": predictions for " + std::to_string(predictions->exampleCount()) +
                " examples, but examples.bin holds " + std::to_string(examples->size()));
        }
        if (predictions->epochCount() == 0) {
            throw RunStoreError(path + ": no finished epoch, although metrics.csv has " +
                                std::to_string(record.epochs.size()));
        }
    }
    return RecordedRun(std::move(record), std::move(examples), std::move(predictions));
}

ReplayTimeline RecordedRun::timeline() const {
    std::vector<double> seconds;
    for (int epoch = 0; epoch < m_epochCount; ++epoch)
        seconds.push_back(m_record.epochs[static_cast<std::size_t>(epoch)].epochSeconds);
    return ReplayTimeline::fromEpochSeconds(seconds);
}

double RecordedRun::trainingSecondsBy(int epoch) const {
    double total = 0.0;
    for (int e = 0; e < std::min(epoch, m_epochCount); ++e) {
        const double seconds = m_record.epochs[static_cast<std::size_t>(e)].epochSeconds;
        if (std::isfinite(seconds) && seconds > 0.0) total += seconds;
    }
    return total;
}

RunStart RecordedRun::start() const {
    RunStart start;
    start.device = m_record.info.device;
    start.libtorchVersion = m_record.info.libtorchVersion;
    start.parameters = m_record.info.parameters;
    start.trainableParameters = m_record.info.trainableParameters;
    start.trainExamples = m_record.info.trainExamples;
    start.testExamples = m_record.info.testExamples;
    start.corruptedExamples = m_record.info.corruptedExamples;
    start.epochs = m_epochCount;
    return start;
}

EpochReport RecordedRun::report(int epoch, bool withFittedSince) const {
    if (epoch < 1 || epoch > m_epochCount) {
        throw RunStoreError(m_record.directory + ": epoch " + std::to_string(epoch) +
                            " is not among its " + std::to_string(m_epochCount) +
                            " replayed epochs");
    }
    EpochReport report;
    report.metrics = m_record.epochs[static_cast<std::size_t>(epoch - 1)];
    report.elapsedSeconds = trainingSecondsBy(epoch);
    if (m_predictions) {
        report.predictions = m_predictions->epoch(epoch);
        if (withFittedSince) {
            report.fittedSince = MemorizationAnalysis::fittedSince(
                *m_predictions, m_examples->assignedLabels, epoch);
        }
    }
    return report;
}

}  // namespace shatter
