#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace shatter {

// A set of same-sized uint8 images with integer labels. Pixels are stored image after image,
// each image planar (channel, row, column), as in the CIFAR-10 binary layout.
struct ImageSet {
    // The networks take 28x28 inputs, centre-cropped from larger images (Preprocessor); smaller
    // images are refused where they are read.
    static constexpr int kMinimumSide = 28;

    int channels = 0;
    int height = 0;
    int width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<int> labels;

    std::size_t size() const { return labels.size(); }
    std::size_t imageBytes() const {
        return static_cast<std::size_t>(channels) * static_cast<std::size_t>(height) *
               static_cast<std::size_t>(width);
    }
    const std::uint8_t* image(std::size_t index) const { return pixels.data() + index * imageBytes(); }
    std::uint8_t* image(std::size_t index) { return pixels.data() + index * imageBytes(); }
};

}  // namespace shatter
