#pragma once

#include <memory>
#include <string>

#include "corruption/corrupted_dataset.h"
#include "train/training_observer.h"

namespace shatter {

// Told about the steps of one run through RunPipeline, before training starts, and then about
// every report of the trainer. Called on the pipeline's thread; implementations must not block.
class RunObserver : public TrainingObserver {
public:
    // The config is valid; the dataset named by `spec` is loaded next.
    virtual void onLoadingData(const std::string& /*spec*/) {}
    // The training subset is drawn and corrupted.
    virtual void onDataPrepared(const std::shared_ptr<const CorruptedDataset>& /*data*/) {}
    // The run folder exists; training starts next.
    virtual void onRunDirectory(const std::string& /*directory*/) {}
};

}  // namespace shatter
