#pragma once

#include <string>
#include <vector>

namespace shatter {

// Measures SGD training throughput (samples per second) of one network on random inputs, for
// comparing settings against a baseline measured in the same process. Not a test: the numbers
// depend on the machine and on what else runs on it.
class ThroughputBenchmark {
public:
    struct Setting {
        std::string label;
        int libtorchThreads = 1;
        int blasThreads = 1;
    };
    struct Result {
        Setting setting;
        double samplesPerSecond = 0.0;  // median over the repetitions
    };

    // Each setting is measured `repetitions` times, interleaved, each over `samples` training
    // samples after one warm-up batch.
    static std::vector<Result> run(const std::string& modelKey, int channels, int batchSize, int samples,
                                   int repetitions, const std::vector<Setting>& settings);
};

}  // namespace shatter
