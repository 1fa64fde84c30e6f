#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shatter {

// Per training example, as of the last finished epoch: examples.bin.
struct ExampleRecords {
    int epoch = 0;
    std::vector<int> trueLabels;
    std::vector<int> assignedLabels;
    std::vector<std::uint8_t> corrupted;
    std::vector<int> fittedSince;   // first epoch from which it stayed fitted; 0: not fitted
    std::vector<int> predictions;

    std::size_t size() const { return trueLabels.size(); }

    // Binary layout, little-endian: "SHEX", u32 version (1), u32 count, u32 epoch, then per
    // example i32 true label, i32 assigned label, u8 corrupted, i32 fitted since, i32 prediction.
    std::string serialize() const;
    // Throws RunStoreError naming `origin` when the bytes are not a valid examples file.
    static ExampleRecords deserialize(const std::string& bytes, const std::string& origin);
};

}  // namespace shatter
