#pragma once

#include <optional>
#include <string>

#include "train/run_config.h"
#include "train/run_summary.h"

namespace shatter::test {

// Writes a run folder as RunWriter leaves it (config.json, metrics.csv, summary.json when a
// summary is given) with made-up numbers: training accuracy climbing to `finalTrainAcc`, test
// accuracy to `finalTestAcc`, one metrics row per epoch. Returns the folder.
std::string writeRunFolder(const std::string& directory, const RunConfig& config, int epochs,
                           double finalTrainAcc, double finalTestAcc,
                           const std::optional<std::string>& status, const std::string& startedAt);

}  // namespace shatter::test
