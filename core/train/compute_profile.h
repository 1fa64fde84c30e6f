#pragma once

#include <optional>
#include <string>

namespace shatter {

// Where a network's CPU time goes, measured in one process at Shatter's thread policy with each
// measurement repeated and interleaved (medians): training throughput, whole-set evaluation
// throughput (no-grad batches of 1000, as the trainer evaluates) and, for networks made of
// matrix products only (the MLPs), the float32 matrix-product rate of the network's own shapes.
// Random inputs: the work does not depend on the pixel values. Not a test: the numbers depend on
// the machine and on what else runs on it.
class ComputeProfile {
public:
    struct Result {
        std::string threads;  // "OpenBLAS 2, LibTorch 1"
        double trainSamplesPerSecond = 0.0;
        double evalSamplesPerSecond = 0.0;
        // Only for networks whose work is matrix products (2-D weights only).
        std::optional<double> trainFlopsPerSample;   // forward + weight gradients + input gradients
        std::optional<double> evalFlopsPerSample;    // forward
        std::optional<double> matmulFlopsPerSecond;  // the same products, back to back
    };

    static Result measure(const std::string& modelKey, int channels, int batchSize, int samples,
                          int repetitions, int threads);
};

}  // namespace shatter
