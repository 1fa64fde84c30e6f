#include "cli/run_options.h"

#include <nlohmann/json.hpp>

#include "shatter_error.h"

namespace shatter {

// Each flag is handed to RunConfig::mergeJson under its config.json key, so that a flag is read
// and range-checked exactly as the same key in a file: numbers are parsed into int64 or double
// first and never narrowed before the check.
template <typename T>
void RunOptions::bind(CLI::App& command, const std::string& flag, const std::string& help,
                      std::function<nlohmann::json(const T&)> settings) {
    auto value = std::make_shared<T>();
    CLI::Option* option = command.add_option(flag, *value, help);
    m_appliers.push_back([option, value, settings, flag](RunConfig& config) {
        if (option->count() > 0) config.mergeJson(settings(*value), "option " + flag);
    });
}

namespace {

// The applier of a flag that sets one key to the value as given.
template <typename T>
std::function<nlohmann::json(const T&)> key(const char* name) {
    return [name](const T& value) { return nlohmann::json{{name, value}}; };
}

}  // namespace

void RunOptions::addTo(CLI::App& command) {
    command.add_option("--config", m_configFile, "JSON file with settings (the keys of a run's config.json)")
        ->check(CLI::ExistingFile);
    bind<std::string>(command, "--dataset",
                      "fashion-mnist (built in), fashion-mnist:DIR, mnist:DIR, cifar10:DIR or folder:DIR",
                      key<std::string>("dataset"));
    bind<std::int64_t>(command, "--train-size", "training images, balanced across classes (0: all)",
                       key<std::int64_t>("train_size"));
    bind<std::int64_t>(command, "--test-size", "test images, balanced across classes (0: all)",
                       key<std::int64_t>("test_size"));
    bind<std::string>(command, "--model", "mlp-1x512 (default), mlp-3x512, alexnet, inception, inception-nobn",
                      key<std::string>("model"));
    bind<std::string>(command, "--corruption", "none (default), labels, shuffled-pixels, random-pixels, gaussian",
                      key<std::string>("corruption"));
    bind<double>(command, "--level", "corruption level in [0,1] (default 1: random labels)", key<double>("level"));
    bind<std::int64_t>(command, "--epochs", "epochs (default 20)", key<std::int64_t>("epochs"));
    bind<std::int64_t>(command, "--batch-size", "batch size (default 128)", key<std::int64_t>("batch_size"));
    bind<double>(command, "--lr", "learning rate (default: 0.1 Inception, 0.01 others)", key<double>("lr"));
    bind<double>(command, "--lr-decay", "factor applied to the learning rate after each epoch (default 0.95)",
                 key<double>("lr_decay"));
    bind<double>(command, "--momentum", "SGD momentum (default 0.9)", key<double>("momentum"));
    bind<double>(command, "--weight-decay", "L2 weight decay (default 0)", key<double>("weight_decay"));
    bind<double>(command, "--dropout", "dropout probability after hidden layers (default 0)", key<double>("dropout"));
    auto randomCrop = std::make_shared<bool>(false);
    CLI::Option* cropFlag = command.add_flag("--random-crop,!--no-random-crop", *randomCrop,
                                             "random 28x28 crop augmentation (default off)");
    m_appliers.push_back([cropFlag, randomCrop](RunConfig& c) {
        if (cropFlag->count() > 0) c.randomCrop = *randomCrop;
    });
    bind<std::int64_t>(command, "--seed", "seed of every random draw (default 1)", key<std::int64_t>("seed"));
    bind<std::string>(command, "--device", "auto (default), cpu or cuda", key<std::string>("device"));
    bind<std::int64_t>(command, "--threads", "CPU threads (default 0: one per core)", key<std::int64_t>("threads"));
    auto cudaGraphs = std::make_shared<bool>(true);
    CLI::Option* graphsFlag = command.add_flag(
        "--cuda-graphs,!--no-cuda-graphs", *cudaGraphs,
        "on a CUDA GPU, replay each full batch's training step as one captured CUDA graph (default on)");
    m_appliers.push_back([graphsFlag, cudaGraphs](RunConfig& c) {
        if (graphsFlag->count() > 0) c.cudaGraphs = *cudaGraphs;
    });
    bind<double>(command, "--stop-at-train-acc", "stop once training accuracy reaches this (e.g. 0.999)",
                 [](const double& v) { return nlohmann::json{{"fit_threshold", v}, {"stop_when_fit", true}}; });
    bind<std::string>(command, "--name", "name used in the run folder", key<std::string>("name"));
}

RunConfig RunOptions::resolve() const {
    RunConfig config;
    if (!m_configFile.empty()) {
        config = RunConfig::fromJsonFile(m_configFile);
        // The limits that depend on this machine (threads) are checked here too, so that a bad
        // value in the file is reported with the file's name.
        try {
            config.validate();
        } catch (const ConfigError& error) {
            throw ConfigError(m_configFile + ": " + error.what());
        }
    }
    for (const auto& apply : m_appliers) apply(config);
    return config;
}

}  // namespace shatter
