#pragma once

#include <string>
#include <vector>

#include "run/run_record.h"

namespace shatter {

// Gathers the runs behind a figure from folders a user names: a run folder (config.json), a
// sweep folder (sweep.json: its points, in order) or a folder of run and sweep folders (the runs
// folder itself). Unreadable runs inside a folder are skipped and reported, never fatal.
class RunCollector {
public:
    struct Result {
        std::vector<RunRecord> runs;
        std::vector<std::string> skipped;  // "<folder>: why"
    };

    // Throws RunStoreError when a named folder does not exist or holds no readable run.
    static Result collect(const std::vector<std::string>& folders);
};

}  // namespace shatter
