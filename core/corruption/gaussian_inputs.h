#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shatter {

// The training images that the Gaussian test replaced with noise (docs/PAPER.md §1), kept as the
// recipe that draws them: per channel the training data's mean and standard deviation on the
// 0..255 scale, and a seed. draw() gives an image's values in floating point, unrounded and
// unclipped, so the noise the network sees has exactly the data's mean and variance; the
// 8-bit training images hold a rounded, clipped copy for display only.
struct GaussianInputs {
    std::vector<double> mean;    // per channel, 0..255 scale
    std::vector<double> stddev;  // per channel
    std::uint64_t seed = 0;
    int height = 0;
    int width = 0;
    std::vector<std::size_t> images;  // ascending training-set indices

    bool empty() const { return images.empty(); }
    std::size_t valuesPerImage() const {
        return mean.size() * static_cast<std::size_t>(height) * static_cast<std::size_t>(width);
    }
    // Planar (channel, row, column) values of training image `image`; the same every call.
    std::vector<float> draw(std::size_t image) const;
};

}  // namespace shatter
