#pragma once

#include <cstddef>
#include <cstdint>
#include <limits>

#include "corruption/corrupted_dataset.h"
#include "data/dataset.h"

namespace shatter {

// Applies one of the paper's randomization tests to a dataset's training split, once, with
// every draw determined by the seed.
//   labels:          each label, independently with probability `level`, is redrawn uniformly
//                    from all classes (it may land on the true class).
//   shuffled-pixels: one permutation of pixel positions (all channels move together) for the
//                    chosen training images and the same share of test images.
//   random-pixels:   an independent permutation for each chosen training image.
//   gaussian:        each chosen training image becomes noise with the per-channel mean and
//                    variance of the training data, drawn in floating point (`gaussian`).
// For the input modes `level` is the fraction of training images affected.
//
// `pixelLimit` is for showing a few images, not for training: only training images before it get
// their pixels changed. Everything else is drawn as always (the same images chosen, labels,
// flags, the Gaussian recipe), so those first images are exactly apply()'s; the later ones are
// left as they were, which saves drawing tens of thousands of permutations or noise images.
class Corruptor {
public:
    static constexpr std::size_t kAllImages = std::numeric_limits<std::size_t>::max();

    static CorruptedDataset apply(const Dataset& dataset, CorruptionMode mode, double level,
                                  std::uint64_t seed, std::size_t pixelLimit = kAllImages);
};

}  // namespace shatter
