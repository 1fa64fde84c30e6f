#pragma once

#include <string>
#include <vector>

#include "data/dataset.h"

namespace shatter {

// Reads MNIST-format IDX files (optionally gzip-compressed): idx3 images of uint8 pixels and
// idx1 labels. Used for MNIST and Fashion-MNIST.
class IdxLoader {
public:
    // Reads one split from an images file and a labels file.
    static ImageSet readSplit(const std::string& imagesPath, const std::string& labelsPath,
                              int classCount);

    // Reads DIR/{train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte,
    // t10k-labels-idx1-ubyte}, each with or without a .gz suffix.
    static Dataset readDirectory(const std::string& directory, const std::string& name,
                                 const std::vector<std::string>& classNames);

    // Finds DIR/BASE or DIR/BASE.gz; throws DataError naming both when neither exists.
    static std::string findFile(const std::string& directory, const std::string& baseName);
};

}  // namespace shatter
