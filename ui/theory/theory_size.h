#pragma once

#include <cstdint>

#include "train/run_config.h"

namespace shatter {

// How big a theory computation on a RunConfig's data will be, known before anything is loaded:
// the sizes the config asks for ("all" meaning the whole split) and the input dimension after
// preprocessing (a centre crop to 28 x 28, every channel).
struct TheorySize {
    // The splits a config's sizes are taken from.
    struct Splits {
        std::int64_t trainImages = 60000;
        std::int64_t testImages = 10000;
        int channels = 1;
        int classes = 10;
    };

    std::int64_t n = 0;  // training points
    std::int64_t m = 0;  // test points
    std::int64_t d = 0;  // input dimension
    int classes = 10;

    static TheorySize of(const RunConfig& config, const Splits& splits);

    std::int64_t expressivityBytes() const;
    std::int64_t kernelBytes() const;
};

}  // namespace shatter
