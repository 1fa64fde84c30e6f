#pragma once

#include <string>
#include <vector>

#include "train/run_config.h"

namespace shatter {

// The settings of runs side by side, as the comparison table shows them, and which of them
// differ between the runs. The display name is not a setting; the learning rate reads as the
// rate actually used, so "model default" and the same rate typed in count as equal.
class SettingsDiff {
public:
    // config.json keys in table order.
    static const std::vector<std::string>& keys();
    // A short human-readable value of one setting ("labels", "0.01", "2000", "all").
    static std::string value(const RunConfig& config, const std::string& key);
    // The keys whose values are not the same in all configs; empty for fewer than two.
    static std::vector<std::string> differing(const std::vector<RunConfig>& configs);
    // The key settings in one line: "mlp-1x512 · labels 100% · fashion-mnist 2000 · lr 0.01".
    static std::string headline(const RunConfig& config);
};

}  // namespace shatter
