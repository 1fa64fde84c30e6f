#pragma once

#include <string>

#include "data/dataset.h"

namespace shatter {

// Reads ROOT/train/<class>/<image> and ROOT/test/<class>/<image> (PNG, JPEG, BMP, ...) with
// OpenCV. Class names are the folder names, sorted. Every image is brought to
// kSide x kSide pixels (area interpolation), like CIFAR-10, so the paper's 28x28 centre crop
// applies. The set is grayscale when every image is, RGB otherwise.
class ImageFolderLoader {
public:
    static constexpr int kSide = 32;

    static Dataset readDirectory(const std::string& root);

private:
    static Dataset readDirectoryUnchecked(const std::string& root);
};

}  // namespace shatter
