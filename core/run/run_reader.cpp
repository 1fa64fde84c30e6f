#include "run/run_reader.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run/epoch_summary.h"
#include "run/metrics_csv.h"
#include "run/prediction_log.h"
#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

nlohmann::json parseJsonFile(const std::string& path) {
    try {
        return nlohmann::json::parse(readWholeFile(path));
    } catch (const nlohmann::json::parse_error& error) {
        throw RunStoreError(path + ": not valid JSON (byte " + std::to_string(error.byte) + ")");
    } catch (const nlohmann::json::exception&) {
        // out_of_range 406: a number such as 1e309 that no double holds.
        throw RunStoreError(path + ": holds a number too large to read (beyond 1.8e308)");
    }
}

template <typename T>
T valueOr(const nlohmann::json& json, const char* key, T fallback) {
    if (!json.contains(key) || json.at(key).is_null()) return fallback;
    return json.at(key).get<T>();
}

RunInfo readInfo(const nlohmann::json& run) {
    RunInfo info;
    info.kind = valueOr<std::string>(run, "kind", "training");
    info.shatterVersion = valueOr<std::string>(run, "shatter_version", "");
    info.libtorchVersion = valueOr<std::string>(run, "libtorch_version", "");
    info.device = valueOr<std::string>(run, "device", "");
    info.datasetName = valueOr<std::string>(run, "dataset_name", "");
    info.classNames = valueOr<std::vector<std::string>>(run, "class_names", {});
    info.parameters = valueOr<std::int64_t>(run, "parameters", 0);
    info.trainableParameters = valueOr<std::int64_t>(run, "trainable_parameters", 0);
    info.trainExamples = valueOr<int>(run, "train_examples", 0);
    info.testExamples = valueOr<int>(run, "test_examples", 0);
    info.corruptedExamples = valueOr<int>(run, "corrupted_examples", 0);
    info.startedAt = valueOr<std::string>(run, "started_at", "");
    return info;
}

RunSummary readSummary(const nlohmann::json& json) {
    if (!json.is_object()) throw RunStoreError("expected a JSON object with the run's status");
    if (!json.contains("status")) throw RunStoreError("no \"status\" key");
    RunSummary summary;
    const std::string status = json.at("status").get<std::string>();
    const std::optional<RunStatus> parsed = runStatusFromString(status);
    if (!parsed || !isEnded(*parsed)) throw RunStoreError("unknown run status \"" + status + "\"");
    summary.status = *parsed;
    summary.epochs = valueOr<int>(json, "epochs", 0);
    if (summary.epochs < 0) throw RunStoreError("\"epochs\" " + std::to_string(summary.epochs) + " is negative");
    summary.trainAcc = valueOr<double>(json, "train_acc", NAN);
    summary.testAcc = valueOr<double>(json, "test_acc", NAN);
    summary.gap = valueOr<double>(json, "gap", NAN);
    if (json.contains("epochs_to_fit") && !json.at("epochs_to_fit").is_null()) {
        summary.epochsToFit = json.at("epochs_to_fit").get<int>();
    }
    summary.samplesPerSecond = valueOr<double>(json, "samples_per_second", NAN);
    summary.parameters = valueOr<std::int64_t>(json, "parameters", 0);
    summary.message = valueOr<std::string>(json, "message", "");
    return summary;
}

}  // namespace

RunRecord RunReader::load(const std::string& directory) {
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) throw RunStoreError(directory + ": not a folder");
    RunRecord record;
    record.directory = directory;

    const std::string configPath = (fs::path(directory) / "config.json").string();
    if (!fs::exists(configPath, ec)) throw RunStoreError(configPath + ": missing (not a Shatter run folder)");
    const nlohmann::json config = parseJsonFile(configPath);
    try {
        // mergeJson checks every value it reads and names the file.
        record.config.mergeJson(config, configPath);
        if (config.contains("run")) record.info = readInfo(config.at("run"));
    } catch (const nlohmann::json::exception& error) {
        throw RunStoreError(configPath + ": unexpected contents (" + error.what() + ")");
    } catch (const ShatterError& error) {
        throw RunStoreError(error.what());
    }

    const std::string metricsPath = (fs::path(directory) / "metrics.csv").string();
    bool metricsCutShort = false;
    if (fs::exists(metricsPath, ec)) {
        record.epochs = MetricsCsv::parse(readWholeFile(metricsPath), metricsPath, &metricsCutShort);
    }

    const std::string summaryPath = (fs::path(directory) / "summary.json").string();
    if (fs::exists(summaryPath, ec)) {
        try {
            record.summary = readSummary(parseJsonFile(summaryPath));
        } catch (const nlohmann::json::exception& error) {
            throw RunStoreError(summaryPath + ": unexpected contents (" + error.what() + ")");
        } catch (const RunStoreError& error) {
            throw RunStoreError(summaryPath + ": " + error.what());
        }
        record.hasSummary = true;
        // A run that ended wrote whole rows only: half a row, or fewer rows than a finished
        // run's epochs, means metrics.csv was damaged afterwards.
        if (metricsCutShort) {
            throw RunStoreError(metricsPath + ": the last line is cut short, although " + summaryPath +
                                " says the run has ended");
        }
        if (record.summary.status == RunStatus::Finished &&
            record.epochs.size() != static_cast<std::size_t>(record.summary.epochs)) {
            throw RunStoreError(metricsPath + ": " + std::to_string(record.epochs.size()) + " epoch rows, but " +
                                summaryPath + " says the run finished " + std::to_string(record.summary.epochs) +
                                " epochs");
        }
    } else {
        record.summary = summarizeEpochs(record.epochs, record.config.fitThreshold);
        record.summary.parameters = record.info.parameters;
    }
    record.hasExamples = fs::exists(fs::path(directory) / "examples.bin", ec);
    record.hasPredictions = record.hasExamples && PredictionLog::exists(directory);
    return record;
}

ExampleRecords RunReader::loadExamples(const std::string& directory) {
    const std::string path = (fs::path(directory) / "examples.bin").string();
    return ExampleRecords::deserialize(readWholeFile(path), path);
}

}  // namespace shatter
