#pragma once

#include <string>
#include <vector>

#include "run/run_entry.h"
#include "train/run_config.h"

namespace shatter {

// Whether the library already holds a run: a finished training run with the same settings.
// Settings that do not change what is computed are not compared: the display name, the thread
// count, the device, whether CUDA graphs replay the steps, and the pace (which is not a setting
// of the run at all).
class RunMatcher {
public:
    // The same experiment: every setting equal but name, threads, device and CUDA graphs (the
    // learning rate compared as the rate used, SettingsDiff).
    static bool sameRun(const RunConfig& a, const RunConfig& b);
    // Whether `entry` is a run that can stand for `config`: readable, a training run that
    // finished with at least one epoch, and sameRun.
    static bool standsFor(const RunEntry& entry, const RunConfig& config);
    // The first entry that stands for `config` (the library lists newest first); nullptr if none.
    static const RunEntry* find(const RunConfig& config, const std::vector<RunEntry>& entries);
    // The first finished theory run of `kind` ("expressivity", "kernel") on `config`'s data and
    // settings; nullptr if none.
    static const RunEntry* findTheory(const RunConfig& config, const std::string& kind,
                                      const std::vector<RunEntry>& entries);
};

}  // namespace shatter
