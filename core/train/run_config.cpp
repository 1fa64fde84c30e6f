#include "train/run_config.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "data/dataset_source.h"
#include "model/model_catalog.h"
#include "shatter_error.h"

namespace shatter {

double RunConfig::effectiveLearningRate() const {
    return learningRate ? *learningRate : modelInfo(model).defaultLearningRate;
}

void RunConfig::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw ConfigError(message);
    };
    DatasetSource::parse(dataset);
    modelInfo(model);
    require(trainSize >= 0, "train_size " + std::to_string(trainSize) + ": must be 0 (all) or positive");
    require(testSize >= 0, "test_size " + std::to_string(testSize) + ": must be 0 (all) or positive");
    require(level >= 0.0 && level <= 1.0, "level " + std::to_string(level) + ": must be between 0 and 1");
    require(epochs >= 1 && epochs <= 100000, "epochs " + std::to_string(epochs) + ": must be at least 1");
    require(batchSize >= 1, "batch_size " + std::to_string(batchSize) + ": must be at least 1");
    require(!learningRate || (*learningRate > 0.0 && *learningRate < 100.0),
            "lr " + std::to_string(learningRate.value_or(0)) + ": must be greater than 0 and less than 100");
    require(lrDecay > 0.0 && lrDecay <= 1.0, "lr_decay " + std::to_string(lrDecay) + ": must be in (0, 1]");
    require(momentum >= 0.0 && momentum < 1.0, "momentum " + std::to_string(momentum) + ": must be in [0, 1)");
    require(weightDecay >= 0.0, "weight_decay " + std::to_string(weightDecay) + ": must not be negative");
    require(dropout >= 0.0 && dropout < 1.0, "dropout " + std::to_string(dropout) + ": must be in [0, 1)");
    require(device == "auto" || device == "cpu" || device == "cuda",
            "device '" + device + "': use auto, cpu or cuda");
    require(threads >= 0 && threads <= 1024, "threads " + std::to_string(threads) + ": must be 0 (auto) or positive");
    require(fitThreshold > 0.0 && fitThreshold <= 1.0,
            "fit_threshold " + std::to_string(fitThreshold) + ": must be in (0, 1]");
}

nlohmann::json RunConfig::toJson() const {
    nlohmann::json json = {
        {"name", name},
        {"dataset", dataset},
        {"train_size", trainSize},
        {"test_size", testSize},
        {"model", model},
        {"corruption", corruptionModeKey(corruption)},
        {"level", level},
        {"epochs", epochs},
        {"batch_size", batchSize},
        {"lr", learningRate ? nlohmann::json(*learningRate) : nlohmann::json(nullptr)},
        {"lr_decay", lrDecay},
        {"momentum", momentum},
        {"weight_decay", weightDecay},
        {"dropout", dropout},
        {"random_crop", randomCrop},
        {"seed", seed},
        {"device", device},
        {"threads", threads},
        {"fit_threshold", fitThreshold},
        {"stop_when_fit", stopWhenFit},
    };
    return json;
}

namespace {

template <typename T>
void readKey(const nlohmann::json& json, const char* key, T& target, const std::string& origin) {
    if (!json.contains(key)) return;
    try {
        target = json.at(key).get<T>();
    } catch (const nlohmann::json::exception&) {
        throw ConfigError(origin + ": key '" + key + "' has the wrong type (" +
                          json.at(key).dump() + ")");
    }
}

}  // namespace

void RunConfig::mergeJson(const nlohmann::json& json, const std::string& origin) {
    if (!json.is_object()) throw ConfigError(origin + ": expected a JSON object of settings");
    static const std::set<std::string> known = {
        "name", "dataset", "train_size", "test_size", "model", "corruption", "level",
        "epochs", "batch_size", "lr", "lr_decay", "momentum", "weight_decay", "dropout",
        "random_crop", "seed", "device", "threads", "fit_threshold", "stop_when_fit"};
    for (const auto& item : json.items()) {
        // "run" holds what a run directory's config.json records about the run itself; a preset
        // file adds "title" and "description". None of them is a setting.
        const bool informational = item.key() == "run" || item.key() == "title" || item.key() == "description";
        if (!informational && !known.count(item.key())) {
            throw ConfigError(origin + ": unknown key '" + item.key() + "'");
        }
    }
    readKey(json, "name", name, origin);
    readKey(json, "dataset", dataset, origin);
    readKey(json, "train_size", trainSize, origin);
    readKey(json, "test_size", testSize, origin);
    readKey(json, "model", model, origin);
    if (json.contains("corruption")) {
        std::string key;
        readKey(json, "corruption", key, origin);
        corruption = parseCorruptionMode(key);
    }
    readKey(json, "level", level, origin);
    readKey(json, "epochs", epochs, origin);
    readKey(json, "batch_size", batchSize, origin);
    if (json.contains("lr")) {
        if (json.at("lr").is_null()) {
            learningRate.reset();
        } else {
            double value = 0.0;
            readKey(json, "lr", value, origin);
            learningRate = value;
        }
    }
    readKey(json, "lr_decay", lrDecay, origin);
    readKey(json, "momentum", momentum, origin);
    readKey(json, "weight_decay", weightDecay, origin);
    readKey(json, "dropout", dropout, origin);
    readKey(json, "random_crop", randomCrop, origin);
    readKey(json, "seed", seed, origin);
    readKey(json, "device", device, origin);
    readKey(json, "threads", threads, origin);
    readKey(json, "fit_threshold", fitThreshold, origin);
    readKey(json, "stop_when_fit", stopWhenFit, origin);
}

RunConfig RunConfig::fromJsonFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ConfigError(path + ": cannot open the config file");
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(in);
    } catch (const nlohmann::json::parse_error& error) {
        throw ConfigError(path + ": not valid JSON (byte " + std::to_string(error.byte) + ")");
    }
    RunConfig config;
    config.mergeJson(json, path);
    return config;
}

}  // namespace shatter
