#pragma once

#include <string>
#include <vector>

namespace shatter {

// The randomization tests of the paper (§2.1). "Random labels" is Labels at level 1.
enum class CorruptionMode { None, Labels, ShuffledPixels, RandomPixels, Gaussian };

struct CorruptionModeInfo {
    CorruptionMode mode;
    const char* key;          // as in configs and on the command line
    const char* title;        // for menus
    const char* explanation;  // one sentence for a first-time user
};

const std::vector<CorruptionModeInfo>& corruptionModes();
const CorruptionModeInfo& corruptionModeInfo(CorruptionMode mode);
std::string corruptionModeKey(CorruptionMode mode);
// Throws ConfigError listing the valid keys.
CorruptionMode parseCorruptionMode(const std::string& key);
bool corruptsInputs(CorruptionMode mode);

}  // namespace shatter
