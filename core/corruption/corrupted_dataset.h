#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "corruption/corruption_mode.h"
#include "corruption/gaussian_inputs.h"
#include "data/image_set.h"

namespace shatter {

// What a run trains and tests on: the training set after corruption (its labels are the
// assigned ones), the true labels and a per-example "was corrupted" flag, and the test set
// (always the clean labels; pixels shuffled only in shuffled-pixels mode). In Gaussian mode the
// network sees `gaussian`'s floating-point noise for the replaced images, not their 8-bit copy.
struct CorruptedDataset {
    CorruptionMode mode = CorruptionMode::None;
    double level = 0.0;
    std::vector<std::string> classNames;
    ImageSet train;                        // labels: assigned (possibly random) labels
    std::vector<int> trueLabels;           // original training labels
    std::vector<std::uint8_t> corrupted;   // 1 where the label changed or the input was replaced
    ImageSet test;
    GaussianInputs gaussian;  // empty unless the mode is Gaussian

    std::size_t corruptedCount() const {
        std::size_t count = 0;
        for (std::uint8_t flag : corrupted) count += flag;
        return count;
    }
};

}  // namespace shatter
