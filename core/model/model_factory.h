#pragma once

#include <memory>
#include <string>

#include "model/classifier.h"

namespace shatter {

// Builds one of the catalogue's networks for images of `channels` x 28 x 28.
class ModelFactory {
public:
    static constexpr std::int64_t kInputSide = 28;

    // Throws ConfigError for an unknown key.
    static std::shared_ptr<Classifier> create(const std::string& key, std::int64_t channels,
                                              std::int64_t classes, double dropout);
    // Moves `model` (made by create(key, ...)) to `device`, in the weight layout measured
    // fastest there (ModelInfo::channelsLastOnCpu).
    static void place(Classifier& model, const std::string& key, const torch::Device& device);
};

}  // namespace shatter
