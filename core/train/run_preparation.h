#pragma once

#include <string>

#include "corruption/corrupted_dataset.h"
#include "data/dataset.h"
#include "train/run_config.h"

namespace shatter {

// Turns a config into the data a Trainer needs: load the dataset, draw the balanced training and
// test subsets, apply the corruption. Every draw comes from the config's seed.
class RunPreparation {
public:
    // Loads the dataset named by config.dataset (throws DataError / ConfigError).
    static Dataset loadDataset(const RunConfig& config);
    // Subsets and corrupts an already loaded dataset.
    static CorruptedDataset prepare(const RunConfig& config, const Dataset& dataset);
};

}  // namespace shatter
