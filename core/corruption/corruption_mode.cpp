#include "corruption/corruption_mode.h"

#include "shatter_error.h"

namespace shatter {

const std::vector<CorruptionModeInfo>& corruptionModes() {
    static const std::vector<CorruptionModeInfo> modes = {
        {CorruptionMode::None, "none", "True labels",
         "The real data: images with their true labels."},
        {CorruptionMode::Labels, "labels", "Corrupted labels",
         "Each training label is replaced, with the chosen probability, by a class drawn at "
         "random; at 100% the labels are pure noise."},
        {CorruptionMode::ShuffledPixels, "shuffled-pixels", "Shuffled pixels",
         "One fixed random reordering of pixel positions is applied to every image, training "
         "and test alike."},
        {CorruptionMode::RandomPixels, "random-pixels", "Random pixels",
         "Each affected training image gets its own random reordering of pixel positions."},
        {CorruptionMode::Gaussian, "gaussian", "Gaussian noise",
         "Each affected training image is replaced by random noise with the data's mean and "
         "variance."},
    };
    return modes;
}

const CorruptionModeInfo& corruptionModeInfo(CorruptionMode mode) {
    for (const CorruptionModeInfo& info : corruptionModes()) {
        if (info.mode == mode) return info;
    }
    return corruptionModes().front();
}

std::string corruptionModeKey(CorruptionMode mode) { return corruptionModeInfo(mode).key; }

CorruptionMode parseCorruptionMode(const std::string& key) {
    std::string valid;
    for (const CorruptionModeInfo& info : corruptionModes()) {
        if (key == info.key) return info.mode;
        valid += (valid.empty() ? "" : ", ") + std::string(info.key);
    }
    throw ConfigError("corruption '" + key + "': unknown mode; use one of " + valid);
}

bool corruptsInputs(CorruptionMode mode) {
    return mode == CorruptionMode::ShuffledPixels || mode == CorruptionMode::RandomPixels ||
           mode == CorruptionMode::Gaussian;
}

}  // namespace shatter
