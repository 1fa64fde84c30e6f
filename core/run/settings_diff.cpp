#include "run/settings_diff.h"

#include <cstdio>
#include <nlohmann/json.hpp>

#include "corruption/corruption_level.h"
#include "corruption/corruption_mode.h"

namespace shatter {

namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.6g", value);
    return buffer;
}

std::string datasetName(const std::string& spec) {
    const std::size_t colon = spec.find(':');
    return colon == std::string::npos ? spec : spec.substr(0, colon);
}

}  // namespace

const std::vector<std::string>& SettingsDiff::keys() {
    static const std::vector<std::string> list = {
        "dataset",  "train_size",   "test_size",     "model",        "corruption",
        "level",    "epochs",       "batch_size",    "lr",           "lr_decay",
        "momentum", "weight_decay", "dropout",       "random_crop",  "seed",
        "device",   "threads",      "cuda_graphs",   "fit_threshold", "stop_when_fit"};
    return list;
}

std::string SettingsDiff::value(const RunConfig& config, const std::string& key) {
    if (key == "lr") return number(config.effectiveLearningRate());
    if (key == "level") {
        return config.corruption == CorruptionMode::None ? "–" : number(config.level);
    }
    if (key == "train_size" || key == "test_size") {
        const std::int64_t size = key == "train_size" ? config.trainSize : config.testSize;
        return size == 0 ? "all" : std::to_string(size);
    }
    if (key == "threads") return config.threads == 0 ? "auto" : std::to_string(config.threads);
    const nlohmann::json json = config.toJson();
    if (!json.contains(key)) return {};
    const nlohmann::json& item = json.at(key);
    if (item.is_string()) return item.get<std::string>();
    if (item.is_boolean()) return item.get<bool>() ? "yes" : "no";
    if (item.is_number_integer() || item.is_number_unsigned()) return item.dump();
    if (item.is_number()) return number(item.get<double>());
    return item.dump();
}

std::vector<std::string> SettingsDiff::differing(const std::vector<RunConfig>& configs) {
    std::vector<std::string> result;
    if (configs.size() < 2) return result;
    for (const std::string& key : keys()) {
        const std::string first = value(configs.front(), key);
        for (std::size_t i = 1; i < configs.size(); ++i) {
            if (value(configs[i], key) != first) {
                result.push_back(key);
                break;
            }
        }
    }
    return result;
}

std::string SettingsDiff::headline(const RunConfig& config) {
    std::string corruption =
        config.corruption == CorruptionMode::None
            ? std::string("true labels")
            : corruptionModeKey(config.corruption) + " " + formatLevel(config.level);
    std::string data = datasetName(config.dataset);
    if (config.trainSize > 0) data += " " + std::to_string(config.trainSize);
    return config.model + " · " + corruption + " · " + data + " · lr " +
           number(config.effectiveLearningRate());
}

}  // namespace shatter
