#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "train/run_config.h"

namespace shatter {

// The training flags shared by `shatter-cli run` and `shatter-cli sweep`. A --config file is read
// first; every flag given on the command line overrides it.
class RunOptions {
public:
    void addTo(CLI::App& command);
    // Throws ConfigError naming the file or a key in it that is wrong. The ranges of the values
    // are checked where the config enters the engine (RunPipeline, SweepPlan::validate).
    RunConfig resolve() const;

private:
    template <typename T>
    void bind(CLI::App& command, const std::string& flag, const std::string& help,
              std::function<void(RunConfig&, const T&)> apply);

    std::string m_configFile;
    std::vector<std::function<void(RunConfig&)>> m_appliers;
};

}  // namespace shatter
