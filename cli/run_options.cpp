#include "cli/run_options.h"

#include "corruption/corruption_mode.h"

namespace shatter {

template <typename T>
void RunOptions::bind(CLI::App& command, const std::string& flag, const std::string& help,
                      std::function<void(RunConfig&, const T&)> apply) {
    auto value = std::make_shared<T>();
    CLI::Option* option = command.add_option(flag, *value, help);
    m_appliers.push_back([option, value, apply](RunConfig& config) {
        if (option->count() > 0) apply(config, *value);
    });
}

void RunOptions::addTo(CLI::App& command) {
    command.add_option("--config", m_configFile, "JSON file with settings (the keys of a run's config.json)")
        ->check(CLI::ExistingFile);
    bind<std::string>(command, "--dataset",
                      "fashion-mnist (built in), fashion-mnist:DIR, mnist:DIR, cifar10:DIR or folder:DIR",
                      [](RunConfig& c, const std::string& v) { c.dataset = v; });
    bind<std::int64_t>(command, "--train-size", "training images, balanced across classes (0: all)",
                       [](RunConfig& c, const std::int64_t& v) { c.trainSize = v; });
    bind<std::int64_t>(command, "--test-size", "test images, balanced across classes (0: all)",
                       [](RunConfig& c, const std::int64_t& v) { c.testSize = v; });
    bind<std::string>(command, "--model", "mlp-1x512 (default), mlp-3x512, alexnet, inception, inception-nobn",
                      [](RunConfig& c, const std::string& v) { c.model = v; });
    bind<std::string>(command, "--corruption", "none (default), labels, shuffled-pixels, random-pixels, gaussian",
                      [](RunConfig& c, const std::string& v) { c.corruption = parseCorruptionMode(v); });
    bind<double>(command, "--level", "corruption level in [0,1] (default 1: random labels)",
                 [](RunConfig& c, const double& v) { c.level = v; });
    bind<int>(command, "--epochs", "epochs (default 20)", [](RunConfig& c, const int& v) { c.epochs = v; });
    bind<int>(command, "--batch-size", "batch size (default 128)",
              [](RunConfig& c, const int& v) { c.batchSize = v; });
    bind<double>(command, "--lr", "learning rate (default: 0.1 Inception, 0.01 others)",
                 [](RunConfig& c, const double& v) { c.learningRate = v; });
    bind<double>(command, "--lr-decay", "factor applied to the learning rate after each epoch (default 0.95)",
                 [](RunConfig& c, const double& v) { c.lrDecay = v; });
    bind<double>(command, "--momentum", "SGD momentum (default 0.9)",
                 [](RunConfig& c, const double& v) { c.momentum = v; });
    bind<double>(command, "--weight-decay", "L2 weight decay (default 0)",
                 [](RunConfig& c, const double& v) { c.weightDecay = v; });
    bind<double>(command, "--dropout", "dropout probability after hidden layers (default 0)",
                 [](RunConfig& c, const double& v) { c.dropout = v; });
    auto randomCrop = std::make_shared<bool>(false);
    CLI::Option* cropFlag = command.add_flag("--random-crop,!--no-random-crop", *randomCrop,
                                             "random 28x28 crop augmentation (default off)");
    m_appliers.push_back([cropFlag, randomCrop](RunConfig& c) {
        if (cropFlag->count() > 0) c.randomCrop = *randomCrop;
    });
    bind<std::uint64_t>(command, "--seed", "seed of every random draw (default 1)",
                        [](RunConfig& c, const std::uint64_t& v) { c.seed = v; });
    bind<std::string>(command, "--device", "auto (default), cpu or cuda",
                      [](RunConfig& c, const std::string& v) { c.device = v; });
    bind<int>(command, "--threads", "CPU threads (default 0: one per core)",
              [](RunConfig& c, const int& v) { c.threads = v; });
    bind<double>(command, "--stop-at-train-acc", "stop once training accuracy reaches this (e.g. 0.999)",
                 [](RunConfig& c, const double& v) {
                     c.fitThreshold = v;
                     c.stopWhenFit = true;
                 });
    bind<std::string>(command, "--name", "name used in the run folder",
                      [](RunConfig& c, const std::string& v) { c.name = v; });
}

RunConfig RunOptions::resolve() const {
    RunConfig config = m_configFile.empty() ? RunConfig{} : RunConfig::fromJsonFile(m_configFile);
    for (const auto& apply : m_appliers) apply(config);
    return config;
}

}  // namespace shatter
