#include "run/stored_epochs.h"

#include <cmath>

#include "run/example_records.h"
#include "run/prediction_log.h"
#include "run/run_reader.h"

namespace shatter {

std::vector<std::vector<int>> StoredEpochs::fittedSince(const std::vector<std::vector<int>>& predictions,
                                                        const std::vector<int>& assignedLabels) {
    std::vector<std::vector<int>> result;
    std::vector<int> since(assignedLabels.size(), 0);
    for (std::size_t epoch = 0; epoch < predictions.size(); ++epoch) {
        const std::vector<int>& predicted = predictions[epoch];
        for (std::size_t i = 0; i < since.size() && i < predicted.size(); ++i) {
            if (predicted[i] != assignedLabels[i]) {
                since[i] = 0;
            } else if (since[i] == 0) {
                since[i] = int(epoch) + 1;
            }
        }
        result.push_back(since);
    }
    return result;
}

std::vector<EpochReport> StoredEpochs::read(const std::string& runDirectory) {
    const RunRecord record = RunReader::load(runDirectory);
    std::vector<std::vector<int>> predictions;
    std::vector<std::vector<int>> since;
    if (record.hasPredictions) {
        const ExampleRecords examples = RunReader::loadExamples(runDirectory);
        const PredictionLog log = PredictionLog::load(runDirectory);
        if (log.exampleCount() == examples.size()) {
            for (int epoch = 1; epoch <= log.epochCount() && epoch <= int(record.epochs.size()); ++epoch) {
                predictions.push_back(log.epoch(epoch));
            }
            since = fittedSince(predictions, examples.assignedLabels);
        }
    }
    std::vector<EpochReport> reports;
    double elapsed = 0.0;
    for (std::size_t i = 0; i < record.epochs.size(); ++i) {
        EpochReport report;
        report.metrics = record.epochs[i];
        if (std::isfinite(report.metrics.epochSeconds)) elapsed += report.metrics.epochSeconds;
        report.elapsedSeconds = elapsed;
        // Epochs without stored predictions (an older run) carry none; the gallery waits for them.
        if (i < predictions.size()) {
            report.predictions = predictions[i];
            report.fittedSince = since[i];
        }
        reports.push_back(std::move(report));
    }
    return reports;
}

}  // namespace shatter
