#pragma once

#include <string>

#include "corruption/corrupted_dataset.h"
#include "corruption/corruption_sample.h"
#include "data/dataset.h"
#include "train/run_config.h"

namespace shatter {

// Turns a config into the data a Trainer needs: load the dataset, draw the balanced training and
// test subsets, apply the corruption. Every draw comes from the config's seed.
class RunPreparation {
public:
    // Loads the dataset named by config.dataset (throws DataError / ConfigError).
    static Dataset loadDataset(const RunConfig& config);
    // Subsets and corrupts an already loaded dataset, after checkFits.
    static CorruptedDataset prepare(const RunConfig& config, const Dataset& dataset);
    // `count` of the images prepare() would train on, before and after corruption, drawn exactly
    // as prepare() draws them; the test split, which the training draws never read, is left out,
    // and only the images up to the last one shown are corrupted (Corruptor's pixelLimit).
    // After checkFits; for the corruption preview.
    static CorruptionSample sample(const RunConfig& config, const Dataset& dataset, std::size_t count);
    // The checks that need both the settings and the data: both splits hold images, with 1 or 3
    // channels and labels within the classes; train_size and test_size fit the data. Throws
    // DataError or ConfigError naming the dataset and the setting.
    static void checkFits(const RunConfig& config, const Dataset& dataset);
    // What training a network needs besides (RunPipeline, before the run folder exists): images
    // of at least ImageSet::kMinimumSide square pixels and batch_size at most the training images.
    static void checkTrainable(const RunConfig& config, const CorruptedDataset& data);
};

}  // namespace shatter
