#include "support/fixtures.h"

#include <zlib.h>

#include <QDir>
#include <QImage>
#include <filesystem>
#include <fstream>
#include <stdexcept>

#include "util/seeded_random.h"

namespace shatter::test {

ImageSet makeSyntheticImages(int perClass, int classes, int channels, int side, std::uint64_t seed) {
    SeededRandom random(seed);
    ImageSet set;
    set.channels = channels;
    set.height = side;
    set.width = side;
    set.pixels.resize(static_cast<std::size_t>(perClass * classes) * channels * side * side);
    for (int n = 0; n < perClass * classes; ++n) {
        const int label = n % classes;
        set.labels.push_back(label);
        std::uint8_t* image = set.image(static_cast<std::size_t>(n));
        const int barRow = (label * side) / classes;
        const int barHeight = std::max(1, side / classes);
        for (int c = 0; c < channels; ++c) {
            for (int y = 0; y < side; ++y) {
                for (int x = 0; x < side; ++x) {
                    const bool bar = y >= barRow && y < barRow + barHeight;
                    const int value = (bar ? 200 : 40) + static_cast<int>(random.below(40));
                    image[(c * side + y) * side + x] = static_cast<std::uint8_t>(value);
                }
            }
        }
    }
    return set;
}

Dataset makeSyntheticDataset(int trainPerClass, int testPerClass, int classes, int channels, int side) {
    Dataset dataset;
    dataset.name = "synthetic";
    for (int c = 0; c < classes; ++c) dataset.classNames.push_back("class" + std::to_string(c));
    dataset.train = makeSyntheticImages(trainPerClass, classes, channels, side, 11);
    dataset.test = makeSyntheticImages(testPerClass, classes, channels, side, 12);
    return dataset;
}

void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes, bool gzip) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    if (gzip) {
        gzFile file = gzopen(path.c_str(), "wb");
        if (file == nullptr) throw std::runtime_error("cannot write " + path);
        gzwrite(file, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(file);
        return;
    }
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

namespace {

void putBigEndian32(std::vector<std::uint8_t>& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<std::uint8_t>(value >> shift));
}

}  // namespace

std::vector<std::uint8_t> idxImagesBytes(const ImageSet& set) {
    std::vector<std::uint8_t> out;
    putBigEndian32(out, 0x00000803);
    putBigEndian32(out, static_cast<std::uint32_t>(set.size()));
    putBigEndian32(out, static_cast<std::uint32_t>(set.height));
    putBigEndian32(out, static_cast<std::uint32_t>(set.width));
    out.insert(out.end(), set.pixels.begin(), set.pixels.end());
    return out;
}

std::vector<std::uint8_t> idxLabelsBytes(const std::vector<int>& labels) {
    std::vector<std::uint8_t> out;
    putBigEndian32(out, 0x00000801);
    putBigEndian32(out, static_cast<std::uint32_t>(labels.size()));
    for (int label : labels) out.push_back(static_cast<std::uint8_t>(label));
    return out;
}

void writeMnistFolder(const std::string& directory, const Dataset& dataset, bool gzip) {
    const std::string suffix = gzip ? ".gz" : "";
    writeBytes(directory + "/train-images-idx3-ubyte" + suffix, idxImagesBytes(dataset.train), gzip);
    writeBytes(directory + "/train-labels-idx1-ubyte" + suffix, idxLabelsBytes(dataset.train.labels), gzip);
    writeBytes(directory + "/t10k-images-idx3-ubyte" + suffix, idxImagesBytes(dataset.test), gzip);
    writeBytes(directory + "/t10k-labels-idx1-ubyte" + suffix, idxLabelsBytes(dataset.test.labels), gzip);
}

std::vector<std::uint8_t> cifarBatchBytes(const ImageSet& set) {
    std::vector<std::uint8_t> out;
    for (std::size_t i = 0; i < set.size(); ++i) {
        out.push_back(static_cast<std::uint8_t>(set.labels[i]));
        out.insert(out.end(), set.image(i), set.image(i) + set.imageBytes());
    }
    return out;
}

void writeCifarFolder(const std::string& directory, const Dataset& dataset) {
    const std::string folder = directory + "/cifar-10-batches-bin";
    // Spread the training images over the five batches.
    const std::size_t per = (dataset.train.size() + 4) / 5;
    for (int b = 0; b < 5; ++b) {
        ImageSet part;
        part.channels = dataset.train.channels;
        part.height = dataset.train.height;
        part.width = dataset.train.width;
        for (std::size_t i = b * per; i < std::min(dataset.train.size(), (b + 1) * per); ++i) {
            part.labels.push_back(dataset.train.labels[i]);
            part.pixels.insert(part.pixels.end(), dataset.train.image(i), dataset.train.image(i) + part.imageBytes());
        }
        writeBytes(folder + "/data_batch_" + std::to_string(b + 1) + ".bin", cifarBatchBytes(part), false);
    }
    writeBytes(folder + "/test_batch.bin", cifarBatchBytes(dataset.test), false);
    std::ofstream meta(folder + "/batches.meta.txt");
    for (const std::string& name : dataset.classNames) meta << name << "\n";
}

void writeImageFolder(const std::string& root, const Dataset& dataset) {
    auto writeSplit = [&](const std::string& split, const ImageSet& set) {
        for (std::size_t i = 0; i < set.size(); ++i) {
            const std::string folder = root + "/" + split + "/" + dataset.classNames[static_cast<std::size_t>(set.labels[i])];
            QDir().mkpath(QString::fromStdString(folder));
            const bool gray = set.channels == 1;
            QImage image(set.width, set.height, gray ? QImage::Format_Grayscale8 : QImage::Format_RGB888);
            const std::size_t plane = static_cast<std::size_t>(set.width) * set.height;
            for (int y = 0; y < set.height; ++y) {
                uchar* line = image.scanLine(y);
                for (int x = 0; x < set.width; ++x) {
                    for (int c = 0; c < set.channels; ++c) {
                        line[x * set.channels + c] = set.image(i)[c * plane + static_cast<std::size_t>(y) * set.width + x];
                    }
                }
            }
            image.save(QString::fromStdString(folder + "/" + std::to_string(i) + ".png"));
        }
    };
    writeSplit("train", dataset.train);
    writeSplit("test", dataset.test);
}

}  // namespace shatter::test
