#include "train/run_config.h"

#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <type_traits>
#include <vector>

#include "corruption/corruption_level.h"
#include "data/dataset_source.h"
#include "model/model_catalog.h"
#include "shatter_error.h"

namespace shatter {

namespace {

// One setting as config.json spells it: how to write it, how to read it back, and the range
// validate() enforces. toJson, mergeJson and validate all walk the same table.
struct Setting {
    const char* key;
    std::function<nlohmann::json(const RunConfig&)> write;
    // Throws nlohmann::json::exception when the value has the wrong type.
    std::function<void(RunConfig&, const nlohmann::json&)> read;
    // Throws ConfigError naming the setting and its allowed range; empty: any value is valid.
    std::function<void(const RunConfig&)> check;
};

template <typename T>
std::string shown(const T& value) {
    if constexpr (std::is_same_v<T, std::string>) {
        return "'" + value + "'";
    } else {
        return std::to_string(value);
    }
}

// A setting stored as is in one member; `valid` and `rule` give its range ("must be ...").
template <typename T>
Setting plain(const char* key, T RunConfig::*member, std::function<bool(const T&)> valid = {},
              const char* rule = "") {
    Setting setting{
        key,
        [member](const RunConfig& c) { return nlohmann::json(c.*member); },
        [member](RunConfig& c, const nlohmann::json& value) { c.*member = value.get<T>(); },
        {}};
    if (valid) {
        setting.check = [key, member, valid, rule](const RunConfig& c) {
            if (!valid(c.*member))
                throw ConfigError(std::string(key) + " " + shown(c.*member) + ": " + rule);
        };
    }
    return setting;
}

const std::vector<Setting>& settings() {
    static const std::vector<Setting> table = {
        plain<std::string>("name", &RunConfig::name),
        {"dataset", [](const RunConfig& c) { return nlohmann::json(c.dataset); },
         [](RunConfig& c, const nlohmann::json& v) { c.dataset = v.get<std::string>(); },
         [](const RunConfig& c) { DatasetSource::parse(c.dataset); }},
        plain<std::int64_t>(
            "train_size", &RunConfig::trainSize, [](auto v) { return v >= 0; },
            "must be 0 (all) or positive"),
        plain<std::int64_t>(
            "test_size", &RunConfig::testSize, [](auto v) { return v >= 0; },
            "must be 0 (all) or positive"),
        {"model", [](const RunConfig& c) { return nlohmann::json(c.model); },
         [](RunConfig& c, const nlohmann::json& v) { c.model = v.get<std::string>(); },
         [](const RunConfig& c) { modelInfo(c.model); }},
        {"corruption",
         [](const RunConfig& c) { return nlohmann::json(corruptionModeKey(c.corruption)); },
         [](RunConfig& c, const nlohmann::json& v) {
             c.corruption = parseCorruptionMode(v.get<std::string>());
         },
         {}},
        plain<double>(
            "level", &RunConfig::level, [](auto v) { return v >= 0.0 && v <= 1.0; },
            "must be between 0 and 1"),
        plain<int>(
            "epochs", &RunConfig::epochs, [](auto v) { return v >= 1 && v <= 100000; },
            "must be at least 1"),
        plain<int>(
            "batch_size", &RunConfig::batchSize, [](auto v) { return v >= 1; },
            "must be at least 1"),
        // null: the model's default learning rate.
        {"lr",
         [](const RunConfig& c) {
             return c.learningRate ? nlohmann::json(*c.learningRate) : nlohmann::json(nullptr);
         },
         [](RunConfig& c, const nlohmann::json& v) {
             if (v.is_null()) {
                 c.learningRate.reset();
             } else {
                 c.learningRate = v.get<double>();
             }
         },
         [](const RunConfig& c) {
             if (c.learningRate && !(*c.learningRate > 0.0 && *c.learningRate < 100.0)) {
                 throw ConfigError("lr " + std::to_string(*c.learningRate) +
                                   ": must be greater than 0 and less than 100");
             }
         }},
        plain<double>(
            "lr_decay", &RunConfig::lrDecay, [](auto v) { return v > 0.0 && v <= 1.0; },
            "must be in (0, 1]"),
        plain<double>(
            "momentum", &RunConfig::momentum, [](auto v) { return v >= 0.0 && v < 1.0; },
            "must be in [0, 1)"),
        plain<double>(
            "weight_decay", &RunConfig::weightDecay, [](auto v) { return v >= 0.0; },
            "must not be negative"),
        plain<double>(
            "dropout", &RunConfig::dropout, [](auto v) { return v >= 0.0 && v < 1.0; },
            "must be in [0, 1)"),
        plain<bool>("random_crop", &RunConfig::randomCrop),
        plain<std::uint64_t>("seed", &RunConfig::seed),
        plain<std::string>(
            "device", &RunConfig::device,
            [](const std::string& v) { return v == "auto" || v == "cpu" || v == "cuda"; },
            "use auto, cpu or cuda"),
        plain<int>(
            "threads", &RunConfig::threads, [](auto v) { return v >= 0 && v <= 1024; },
            "must be 0 (auto) or positive"),
        plain<double>(
            "fit_threshold", &RunConfig::fitThreshold, [](auto v) { return v > 0.0 && v <= 1.0; },
            "must be in (0, 1]"),
        plain<bool>("stop_when_fit", &RunConfig::stopWhenFit),
    };
    return table;
}

}  // namespace

double RunConfig::effectiveLearningRate() const {
    return learningRate ? *learningRate : modelInfo(model).defaultLearningRate;
}

double RunConfig::effectiveLevel() const { return shatter::effectiveLevel(corruption, level); }

void RunConfig::validate() const {
    for (const Setting& setting : settings()) {
        if (setting.check) setting.check(*this);
    }
}

nlohmann::json RunConfig::toJson() const {
    nlohmann::json json = nlohmann::json::object();
    for (const Setting& setting : settings()) json[setting.key] = setting.write(*this);
    return json;
}

void RunConfig::mergeJson(const nlohmann::json& json, const std::string& origin) {
    if (!json.is_object()) throw ConfigError(origin + ": expected a JSON object of settings");
    auto find = [](const std::string& key) -> const Setting* {
        for (const Setting& setting : settings()) {
            if (key == setting.key) return &setting;
        }
        return nullptr;
    };
    for (const auto& item : json.items()) {
        // "run" holds what a run directory's config.json records about the run itself; a preset
        // file adds "title" and "description". None of them is a setting.
        const bool informational =
            item.key() == "run" || item.key() == "title" || item.key() == "description";
        if (!informational && find(item.key()) == nullptr) {
            throw ConfigError(origin + ": unknown key '" + item.key() + "'");
        }
    }
    for (const Setting& setting : settings()) {
        if (!json.contains(setting.key)) continue;
        const nlohmann::json& value = json.at(setting.key);
        try {
            setting.read(*this, value);
        } catch (const nlohmann::json::exception&) {
            throw ConfigError(origin + ": key '" + setting.key + "' has the wrong type (" +
                              value.dump() + ")");
        }
    }
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
