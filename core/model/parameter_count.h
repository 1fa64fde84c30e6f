#pragma once

#include <cstdint>
#include <string>

namespace shatter {

// The parameter count (paper convention, as RunStart reports it) of a catalogue model built for
// images of `channels` x 28 x 28 and `classes` classes. LibTorch-free, so the UI can show it next
// to the number of training images before a run starts. Throws ConfigError for an unknown key.
std::int64_t parameterCount(const std::string& modelKey, int channels, int classes);

}  // namespace shatter
