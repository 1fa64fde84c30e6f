#include "train/run_config.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <thread>
#include <utility>
#include <functional>
#include <nlohmann/json.hpp>
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
    // mergeJson applies it to every value it reads, validate() to the whole config.
    std::function<void(const RunConfig&)> check;
    // A further limit that depends on this machine; only validate() applies it, so that a run
    // folder recorded elsewhere still reads.
    std::function<void(const RunConfig&)> checkForRun = {};
};

std::string shown(const std::string& value) { return "'" + value + "'"; }
std::string shown(bool value) { return value ? "true" : "false"; }
std::string shown(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", value);
    return buffer;
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

// The largest thread count a run may ask for: a few per core, enough for oversubscription
// experiments, small enough that a typo (1000) is refused.
std::int64_t maxThreads() {
    return std::max<std::int64_t>(8, 4 * std::int64_t{std::thread::hardware_concurrency()});
}

// A whole-number setting with an inclusive range. The JSON value is checked against the range
// before it is stored, so that no value wraps on its way into a narrower member: 4294967297 or
// 2.7 for an int is refused, not read as 1 or 2. `runMaximum`, when given, is a tighter limit
// that depends on the machine: validate() applies it, reading a recorded run does not.
template <typename T>
Setting integer(const char* key, T RunConfig::*member, std::int64_t minimum, std::int64_t maximum,
                const char* meaning = "", std::function<std::int64_t()> runMaximum = {}) {
    auto refuse = [key, minimum, meaning](const std::string& value, std::int64_t upTo) {
        return ConfigError(std::string(key) + " " + value + ": must be a whole number from " +
                           std::to_string(minimum) + meaning + " to " + std::to_string(upTo));
    };
    Setting setting{
        key,
        [member](const RunConfig& c) { return nlohmann::json(c.*member); },
        [member, minimum, maximum, refuse](RunConfig& c, const nlohmann::json& value) {
            std::int64_t whole = 0;
            if (value.is_number_unsigned()) {
                const auto u = value.get<std::uint64_t>();
                if (u > static_cast<std::uint64_t>(maximum)) throw refuse(value.dump(), maximum);
                whole = static_cast<std::int64_t>(u);
            } else if (value.is_number_integer()) {
                whole = value.get<std::int64_t>();
            } else if (value.is_number_float()) {
                const double d = value.get<double>();
                // Only whole values such as 20.0; the bounds keep the conversion defined.
                if (!(d == std::floor(d) && d >= -9.2e18 && d <= 9.2e18)) {
                    throw refuse(value.dump(), maximum);
                }
                whole = static_cast<std::int64_t>(d);
            } else {
                throw refuse(value.dump(), maximum);  // a string, a boolean, null, ...
            }
            if (whole < minimum || whole > maximum) throw refuse(value.dump(), maximum);
            c.*member = static_cast<T>(whole);
        },
        {}};
    auto within = [member, minimum, refuse](std::int64_t upTo) {
        return [member, minimum, upTo, refuse](const RunConfig& c) {
            const auto value = c.*member;
            if (std::cmp_less(value, minimum) || std::cmp_greater(value, upTo)) {
                throw refuse(std::to_string(value), upTo);
            }
        };
    };
    setting.check = within(maximum);
    if (runMaximum) {
        setting.checkForRun = [within, runMaximum](const RunConfig& c) { within(runMaximum())(c); };
    }
    return setting;
}

const std::vector<Setting>& settings() {
    static const std::vector<Setting> table = {
        plain<std::string>("name", &RunConfig::name),
        {"dataset", [](const RunConfig& c) { return nlohmann::json(c.dataset); },
         [](RunConfig& c, const nlohmann::json& v) { c.dataset = v.get<std::string>(); },
         [](const RunConfig& c) { DatasetSource::parse(c.dataset); }},
        integer("train_size", &RunConfig::trainSize, 0, RunConfig::kMaxExamples, " (all)"),
        integer("test_size", &RunConfig::testSize, 0, RunConfig::kMaxExamples, " (all)"),
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
        integer("epochs", &RunConfig::epochs, 1, RunConfig::kMaxEpochs),
        integer("batch_size", &RunConfig::batchSize, 1, RunConfig::kMaxBatchSize),
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
                 throw ConfigError("lr " + shown(*c.learningRate) +
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
        integer("seed", &RunConfig::seed, 0, std::numeric_limits<std::int64_t>::max()),
        plain<std::string>(
            "device", &RunConfig::device,
            [](const std::string& v) { return v == "auto" || v == "cpu" || v == "cuda"; },
            "use auto, cpu or cuda"),
        integer("threads", &RunConfig::threads, 0, 4096, " (one per core)", maxThreads),
        plain<bool>("cuda_graphs", &RunConfig::cudaGraphs),
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
        if (setting.checkForRun) setting.checkForRun(*this);
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
        // file adds "title", "description" and "pace" (how fast the window shows it, see
        // EpochPace). None of them is a setting of the run.
        const bool informational = item.key() == "run" || item.key() == "title" ||
                                   item.key() == "description" || item.key() == "pace";
        if (!informational && find(item.key()) == nullptr) {
            throw ConfigError(origin + ": unknown key '" + item.key() + "'");
        }
    }
    for (const Setting& setting : settings()) {
        if (!json.contains(setting.key)) continue;
        const nlohmann::json& value = json.at(setting.key);
        try {
            setting.read(*this, value);
            // A bad value is reported where it was read, naming the file or the option.
            if (setting.check) setting.check(*this);
        } catch (const nlohmann::json::exception&) {
            throw ConfigError(origin + ": key '" + setting.key + "' has the wrong type (" +
                              value.dump() + ")");
        } catch (const ConfigError& error) {
            throw ConfigError(origin + ": " + error.what());
        } catch (const DataError& error) {
            throw ConfigError(origin + ": " + error.what());
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
    } catch (const nlohmann::json::exception&) {
        // out_of_range 406: a number such as 1e309 that no double holds.
        throw ConfigError(path + ": holds a number too large to read (beyond 1.8e308)");
    }
    RunConfig config;
    config.mergeJson(json, path);
    return config;
}

}  // namespace shatter
