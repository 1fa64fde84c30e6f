#include "support/run_fixtures.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "run/metrics_csv.h"
#include "run/run_writer.h"

namespace shatter::test {

std::string writeRunFolder(const std::string& directory, const RunConfig& config, int epochs,
                           double finalTrainAcc, double finalTestAcc,
                           const std::optional<std::string>& status, const std::string& startedAt) {
    std::filesystem::create_directories(directory);
    nlohmann::json json = config.toJson();
    json["run"] = {{"shatter_version", "0.1.0"}, {"libtorch_version", "2.1.0"},
                   {"device", "CPU, 1 thread"},  {"dataset_name", "Fashion-MNIST"},
                   {"parameters", 407050},       {"train_examples", 200},
                   {"test_examples", 100},       {"started_at", startedAt}};
    std::ofstream(directory + "/config.json") << json.dump(2) << "\n";

    std::ofstream metrics(directory + "/metrics.csv");
    metrics << MetricsCsv::header() << "\n";
    std::optional<int> fitted;
    for (int epoch = 1; epoch <= epochs; ++epoch) {
        const double t = double(epoch) / epochs;
        EpochMetrics m;
        m.epoch = epoch;
        m.trainAcc = 0.1 + (finalTrainAcc - 0.1) * t;
        m.testAcc = 0.1 + (finalTestAcc - 0.1) * std::min(1.0, 2 * t);
        m.trainAccClean = m.trainAcc;
        m.trainLoss = 2.3 * (1.0 - 0.9 * t);
        m.testLoss = 2.3 + 0.5 * t;
        m.gap = m.trainAcc - m.testAcc;
        m.lr = config.effectiveLearningRate();
        m.epochSeconds = 0.5;
        m.samplesPerSecond = 4000;
        if (!fitted && m.trainAcc >= config.fitThreshold) fitted = epoch;
        metrics << MetricsCsv::formatRow(m) << "\n";
    }
    metrics.close();
    if (status) {
        RunSummary summary;
        summary.status = runStatusFromString(*status).value();
        summary.epochs = epochs;
        summary.trainAcc = finalTrainAcc;
        summary.testAcc = finalTestAcc;
        summary.gap = finalTrainAcc - finalTestAcc;
        summary.epochsToFit = fitted;
        summary.samplesPerSecond = 4000;
        summary.parameters = 407050;
        std::ofstream(directory + "/summary.json") << RunWriter::summaryToJson(summary);
    }
    return directory;
}

}  // namespace shatter::test
