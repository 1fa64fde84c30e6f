#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "data/dataset.h"

namespace shatter::test {

// A small learnable image set: class c shows a bright bar whose position depends on c, on a
// noisy background, so a network can fit it within a few epochs.
ImageSet makeSyntheticImages(int perClass, int classes, int channels, int side, std::uint64_t seed);
Dataset makeSyntheticDataset(int trainPerClass, int testPerClass, int classes, int channels, int side);

// Writers for the on-disk formats the loaders read.
void writeBytes(const std::string& path, const std::vector<std::uint8_t>& bytes, bool gzip);
std::vector<std::uint8_t> idxImagesBytes(const ImageSet& set);
std::vector<std::uint8_t> idxLabelsBytes(const std::vector<int>& labels);
void writeMnistFolder(const std::string& directory, const Dataset& dataset, bool gzip);
std::vector<std::uint8_t> cifarBatchBytes(const ImageSet& set);
void writeCifarFolder(const std::string& directory, const Dataset& dataset);
// ROOT/train/<class>/<n>.png and ROOT/test/<class>/<n>.png
void writeImageFolder(const std::string& root, const Dataset& dataset);

}  // namespace shatter::test
