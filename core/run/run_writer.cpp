#include "run/run_writer.h"

#include <cctype>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "corruption/corruption_level.h"
#include "run/metrics_csv.h"
#include "shatter_error.h"
#include "util/atomic_file.h"
#include "util/text_format.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

nlohmann::json infoToJson(const RunInfo& info) {
    return {
        {"shatter_version", info.shatterVersion},
        {"libtorch_version", info.libtorchVersion},
        {"device", info.device},
        {"dataset_name", info.datasetName},
        {"class_names", info.classNames},
        {"parameters", info.parameters},
        {"trainable_parameters", info.trainableParameters},
        {"train_examples", info.trainExamples},
        {"test_examples", info.testExamples},
        {"corrupted_examples", info.corruptedExamples},
        {"started_at", info.startedAt},
    };
}

nlohmann::json numberOrNull(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

}  // namespace

std::string RunWriter::slugFor(const RunConfig& config) {
    std::string slug = config.name;
    if (slug.empty()) {
        slug = config.model + "-" + corruptionModeKey(config.corruption);
        if (config.corruption != CorruptionMode::None) {
            slug += "-" + std::to_string(levelPercent(config.level));
        }
    }
    for (char& c : slug) {
        const bool keep =
            std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        if (!keep) c = '-';
    }
    return slug;
}

RunWriter::RunWriter(const std::string& root, const RunConfig& config, const CorruptedDataset& data,
                     const std::string& datasetName)
    : m_config(config) {
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) throw RunStoreError(root + ": cannot create the runs folder (" + ec.message() + ")");
    const std::string base =
        (fs::path(root) / (utcNow("%Y%m%d-%H%M%S") + "-" + slugFor(config))).string();
    m_directory = base;
    for (int suffix = 2; !fs::create_directory(m_directory, ec); ++suffix) {
        if (ec || suffix > 1000) {
            throw RunStoreError(m_directory + ": cannot create the run folder (" + ec.message() +
                                ")");
        }
        m_directory = base + "-" + std::to_string(suffix);
    }
    start(data, datasetName);
}

RunWriter::RunWriter(ExistingFolder, const std::string& directory, const RunConfig& config,
                     const CorruptedDataset& data, const std::string& datasetName)
    : m_directory(directory), m_config(config) {
    start(data, datasetName);
}

void RunWriter::start(const CorruptedDataset& data, const std::string& datasetName) {
    m_info.shatterVersion = SHATTER_VERSION;
    m_info.datasetName = datasetName;
    m_info.classNames = data.classNames;
    m_info.trainExamples = static_cast<int>(data.train.size());
    m_info.testExamples = static_cast<int>(data.test.size());
    m_info.corruptedExamples = static_cast<int>(data.corruptedCount());
    m_info.startedAt = utcNow("%Y-%m-%dT%H:%M:%SZ");
    m_examples.trueLabels = data.trueLabels;
    m_examples.assignedLabels = data.train.labels;
    m_examples.corrupted = data.corrupted;
    writeConfig();

    const std::string metricsPath = (fs::path(m_directory) / "metrics.csv").string();
    m_metrics.open(metricsPath, std::ios::out | std::ios::trunc);
    if (!m_metrics) throw RunStoreError(metricsPath + ": cannot create");
    m_metrics << MetricsCsv::header() << '\n' << std::flush;
}

void RunWriter::writeConfig() {
    nlohmann::json json = m_config.toJson();
    json["run"] = infoToJson(m_info);
    writeFileAtomically((fs::path(m_directory) / "config.json").string(), json.dump(2) + "\n");
}

void RunWriter::onStarted(const RunStart& start) {
    m_info.device = start.device;
    m_info.libtorchVersion = start.libtorchVersion;
    m_info.parameters = start.parameters;
    m_info.trainableParameters = start.trainableParameters;
    writeConfig();
}

void RunWriter::onEpoch(const EpochReport& report) {
    m_metrics << MetricsCsv::formatRow(report.metrics) << '\n' << std::flush;
    if (!m_metrics) throw RunStoreError(m_directory + "/metrics.csv: write failed");
    m_examples.epoch = report.metrics.epoch;
    m_examples.fittedSince = report.fittedSince;
    m_examples.predictions = report.predictions;
    writeFileAtomically((fs::path(m_directory) / "examples.bin").string(), m_examples.serialize());
}

std::string RunWriter::summaryToJson(const RunSummary& summary) {
    nlohmann::json json = {
        {"status", toString(summary.status)},
        {"epochs", summary.epochs},
        {"train_acc", numberOrNull(summary.trainAcc)},
        {"test_acc", numberOrNull(summary.testAcc)},
        {"gap", numberOrNull(summary.gap)},
        {"epochs_to_fit",
         summary.epochsToFit ? nlohmann::json(*summary.epochsToFit) : nlohmann::json(nullptr)},
        {"samples_per_second", numberOrNull(summary.samplesPerSecond)},
        {"parameters", summary.parameters},
    };
    if (!summary.message.empty()) json["message"] = summary.message;
    return json.dump(2) + "\n";
}

void RunWriter::onFinished(const RunSummary& summary) {
    m_metrics.flush();
    RunSummary complete = summary;
    if (complete.parameters == 0) complete.parameters = m_info.parameters;
    writeFileAtomically((fs::path(m_directory) / "summary.json").string(), summaryToJson(complete));
}

}  // namespace shatter
