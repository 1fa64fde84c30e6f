#include "data/idx_loader.h"

#include <cstdint>
#include <filesystem>

#include "data/compressed_file.h"
#include "shatter_error.h"

namespace shatter {

namespace {

constexpr std::uint32_t kImagesMagic = 0x00000803;  // unsigned byte, 3 dimensions
constexpr std::uint32_t kLabelsMagic = 0x00000801;  // unsigned byte, 1 dimension

std::uint32_t readBigEndian32(const std::vector<std::uint8_t>& data, std::size_t offset) {
    return (std::uint32_t{data[offset]} << 24) | (std::uint32_t{data[offset + 1]} << 16) |
           (std::uint32_t{data[offset + 2]} << 8) | std::uint32_t{data[offset + 3]};
}

std::string hex(std::uint32_t value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "0x%08x", value);
    return buffer;
}

}  // namespace

ImageSet IdxLoader::readSplit(const std::string& imagesPath, const std::string& labelsPath,
                              int classCount) {
    const std::vector<std::uint8_t> images = readPossiblyGzippedFile(imagesPath);
    if (images.size() < 16) {
        throw DataError(imagesPath + ": " + std::to_string(images.size()) +
                        " bytes, too short for an IDX image header (16 bytes)");
    }
    const std::uint32_t imagesMagic = readBigEndian32(images, 0);
    if (imagesMagic != kImagesMagic) {
        throw DataError(imagesPath + ": bad magic number " + hex(imagesMagic) + ", expected " +
                        hex(kImagesMagic) + " (IDX images)");
    }
    const std::size_t count = readBigEndian32(images, 4);
    const std::size_t rows = readBigEndian32(images, 8);
    const std::size_t cols = readBigEndian32(images, 12);
    if (rows == 0 || cols == 0 || rows > 4096 || cols > 4096) {
        throw DataError(imagesPath + ": implausible image size " + std::to_string(rows) + "x" +
                        std::to_string(cols));
    }
    constexpr std::size_t minimum = ImageSet::kMinimumSide;
    if (rows < minimum || cols < minimum) {
        throw DataError(imagesPath + ": images are " + std::to_string(rows) + "x" + std::to_string(cols) +
                        " pixels; the networks need at least " + std::to_string(minimum) + "x" +
                        std::to_string(minimum));
    }
    if (count == 0) throw DataError(imagesPath + ": holds no images");
    const std::size_t expected = 16 + count * rows * cols;
    if (images.size() != expected) {
        throw DataError(imagesPath + ": " + std::to_string(images.size()) + " bytes, expected " +
                        std::to_string(expected) + " for " + std::to_string(count) + " images of " +
                        std::to_string(rows) + "x" + std::to_string(cols));
    }

    const std::vector<std::uint8_t> labels = readPossiblyGzippedFile(labelsPath);
    if (labels.size() < 8) {
        throw DataError(labelsPath + ": " + std::to_string(labels.size()) +
                        " bytes, too short for an IDX label header (8 bytes)");
    }
    const std::uint32_t labelsMagic = readBigEndian32(labels, 0);
    if (labelsMagic != kLabelsMagic) {
        throw DataError(labelsPath + ": bad magic number " + hex(labelsMagic) + ", expected " +
                        hex(kLabelsMagic) + " (IDX labels)");
    }
    const std::size_t labelCount = readBigEndian32(labels, 4);
    if (labelCount != count) {
        throw DataError(labelsPath + ": " + std::to_string(labelCount) + " labels, but " +
                        imagesPath + " holds " + std::to_string(count) + " images");
    }
    if (labels.size() != 8 + count) {
        throw DataError(labelsPath + ": " + std::to_string(labels.size()) + " bytes, expected " +
                        std::to_string(8 + count));
    }

    ImageSet set;
    set.channels = 1;
    set.height = static_cast<int>(rows);
    set.width = static_cast<int>(cols);
    set.pixels.assign(images.begin() + 16, images.end());
    set.labels.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        const int label = labels[8 + i];
        if (label >= classCount) {
            throw DataError(labelsPath + ": label " + std::to_string(label) + " at index " +
                            std::to_string(i) + " is out of range (" +
                            std::to_string(classCount) + " classes)");
        }
        set.labels[i] = label;
    }
    return set;
}

std::string IdxLoader::findFile(const std::string& directory, const std::string& baseName) {
    const std::filesystem::path plain = std::filesystem::path(directory) / baseName;
    const std::filesystem::path gz = std::filesystem::path(directory) / (baseName + ".gz");
    std::error_code ec;
    if (std::filesystem::is_regular_file(gz, ec)) return gz.string();
    if (std::filesystem::is_regular_file(plain, ec)) return plain.string();
    throw DataError(plain.string() + ": file not found (nor " + gz.filename().string() +
                    "); an MNIST-format folder holds train-images-idx3-ubyte, "
                    "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte");
}

Dataset IdxLoader::readDirectory(const std::string& directory, const std::string& name,
                                 const std::vector<std::string>& classNames) {
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        throw DataError(directory + ": folder not found");
    }
    const int classCount = static_cast<int>(classNames.size());
    Dataset dataset;
    dataset.name = name;
    dataset.classNames = classNames;
    dataset.train = readSplit(findFile(directory, "train-images-idx3-ubyte"),
                              findFile(directory, "train-labels-idx1-ubyte"), classCount);
    dataset.test = readSplit(findFile(directory, "t10k-images-idx3-ubyte"),
                             findFile(directory, "t10k-labels-idx1-ubyte"), classCount);
    if (dataset.train.height != dataset.test.height || dataset.train.width != dataset.test.width) {
        throw DataError(directory + ": training images are " + std::to_string(dataset.train.height) +
                        "x" + std::to_string(dataset.train.width) + " but test images are " +
                        std::to_string(dataset.test.height) + "x" +
                        std::to_string(dataset.test.width));
    }
    return dataset;
}

}  // namespace shatter
