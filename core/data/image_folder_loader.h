#pragma once

#include <cstdint>
#include <string>

#include "data/dataset.h"

namespace shatter {

// Reads ROOT/train/<class>/<image> and ROOT/test/<class>/<image> (PNG, JPEG, BMP, ...) with
// OpenCV. Class names are the folder names, sorted. Every image is brought to
// kSide x kSide pixels (area interpolation), like CIFAR-10, so the paper's 28x28 centre crop
// applies. The set is grayscale when every image is, RGB otherwise. Files are checked from their
// headers first (format, size) and refused with a DataError naming them.
class ImageFolderLoader {
public:
    static constexpr int kSide = 32;
    // Limits checked from each file's header before it is decoded (see ImageHeader): a 48
    // megapixel photograph still loads, a few bytes claiming 30000x30000 pixels do not.
    static constexpr std::uint64_t kMaxFileBytes = 256ull << 20;
    static constexpr std::uint64_t kMaxPixels = 64ull << 20;
    static constexpr std::uint64_t kMaxDecodedBytes = 512ull << 20;

    static Dataset readDirectory(const std::string& root);

private:
    static Dataset readDirectoryUnchecked(const std::string& root);
};

}  // namespace shatter
