#pragma once

#include <cstddef>
#include <string>

#include "data/dataset.h"

namespace shatter {

// Reads CIFAR-10 in its binary layout: data_batch_1..5.bin and test_batch.bin, each a sequence of
// 3073-byte records (label byte, then 32x32 red, green and blue planes), and batches.meta.txt.
class Cifar10Loader {
public:
    static constexpr int kRecordBytes = 1 + 3 * 32 * 32;
    static constexpr std::size_t kStandardRecords = 10000;  // per batch file of CIFAR-10

    // Accepts either the cifar-10-batches-bin folder itself or a folder that contains it.
    static Dataset readDirectory(const std::string& directory);

    // Reads one batch file and appends its records to the set; returns how many.
    static std::size_t appendBatch(const std::string& path, ImageSet& set);
};

}  // namespace shatter
