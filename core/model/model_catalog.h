#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "util/thread_split.h"

namespace shatter {

// The paper's architectures (§3), described without LibTorch so that the UI and the CLI can list
// them. Building one is ModelFactory's job.
struct ModelInfo {
    const char* key;          // mlp-1x512, mlp-3x512, alexnet, inception, inception-nobn
    const char* title;        // "MLP 1x512"
    double defaultLearningRate;  // the paper's: 0.1 for Inception, 0.01 for the others
    std::int64_t paperParameterCount;  // for 28x28x3 input, as the paper reports it
    ThreadSplit threadSplit;           // measured CPU thread policy (see ComputeDevice)
    bool channelsLastOnCpu;            // measured: faster with channels-last weights on the CPU
};

const std::vector<ModelInfo>& modelCatalog();
// Throws ConfigError listing the valid keys.
const ModelInfo& modelInfo(const std::string& key);

}  // namespace shatter
