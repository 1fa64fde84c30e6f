#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shatter {

// What config.json records about a run besides its settings (its "run" object).
struct RunInfo {
    // What produced the run: "training" (a network trained by the Trainer; also when config.json
    // has no "kind"), "expressivity" or "kernel" (core/theory: no epochs, results in summary.json).
    std::string kind = "training";
    std::string shatterVersion;
    std::string libtorchVersion;
    std::string device;
    std::string datasetName;
    std::vector<std::string> classNames;
    std::int64_t parameters = 0;           // as the paper counts them
    std::int64_t trainableParameters = 0;
    int trainExamples = 0;
    int testExamples = 0;
    int corruptedExamples = 0;
    std::string startedAt;                 // ISO 8601, UTC
};

}  // namespace shatter
