#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json_fwd.hpp>

#include "train/run_config.h"

namespace shatter {

// The training flags shared by `shatter-cli run` and `shatter-cli sweep`. A --config file is read
// first; every flag given on the command line overrides it.
class RunOptions {
public:
    void addTo(CLI::App& command);
    // Throws ConfigError naming the file or the option and the setting that is wrong: every
    // value is checked against its range as it is read (RunConfig::mergeJson); the checks that
    // depend on the machine or the data follow where the config enters the engine (RunPipeline,
    // SweepPlan::validate).
    RunConfig resolve() const;

private:
    template <typename T>
    void bind(CLI::App& command, const std::string& flag, const std::string& help,
              std::function<nlohmann::json(const T&)> settings);

    std::string m_configFile;
    std::vector<std::function<void(RunConfig&)>> m_appliers;
};

}  // namespace shatter
