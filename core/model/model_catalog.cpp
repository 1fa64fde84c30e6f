#include "model/model_catalog.h"

#include "shatter_error.h"

namespace shatter {

const std::vector<ModelInfo>& modelCatalog() {
    static const std::vector<ModelInfo> models = {
        {"mlp-1x512", "MLP 1x512", 0.01, 1'209'866, ThreadSplit::BlasThreads, false},
        {"mlp-3x512", "MLP 3x512", 0.01, 1'735'178, ThreadSplit::BlasThreads, false},
        {"alexnet", "Small AlexNet", 0.01, 1'387'786, ThreadSplit::LibTorchThreads, true},
        {"inception", "Small Inception", 0.1, 1'649'402, ThreadSplit::BothPools, false},
        {"inception-nobn", "Small Inception w/o BatchNorm", 0.1, 1'649'402, ThreadSplit::BothPools, false},
    };
    return models;
}

const ModelInfo& modelInfo(const std::string& key) {
    std::string valid;
    for (const ModelInfo& info : modelCatalog()) {
        if (key == info.key) return info;
        valid += (valid.empty() ? "" : ", ") + std::string(info.key);
    }
    throw ConfigError("model '" + key + "': unknown; use one of " + valid);
}

}  // namespace shatter
