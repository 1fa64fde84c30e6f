#pragma once

#include <string>
#include <vector>

#include "run/run_entry.h"

namespace shatter {

// The names the run library shows, never two alike. A run's own name (config.json's "name", or
// its folder name without the time stamp, "mlp-1x512-labels-100") stays in front; runs that
// share it get what tells them apart appended: the settings that differ among them
// ("mlp-1x512-labels-100 · seed 2"), and, where even those are equal, a counter in the order the
// runs were started ("… #2"; the first keeps the plain name).
class RunNaming {
public:
    // Sets every entry's displayName from its ownName (taken from displayName where empty).
    static void distinguish(std::vector<RunEntry>& entries);
    // "seed 2", "2000 images", "lr 0.05": one setting as a name suffix shows it.
    static std::string settingLabel(const RunConfig& config, const std::string& key);
};

}  // namespace shatter
