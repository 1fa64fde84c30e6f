#pragma once

#include <cstdint>
#include <fstream>
#include <string>
#include <vector>

namespace shatter {

// predictions.bin of a run folder: every training example's predicted class after every epoch,
// one byte per example per epoch. Layout: "SHPR", u32 version (1), u32 example count, then one
// block of `count` bytes per finished epoch, in epoch order. The writer appends and flushes a
// whole block as each epoch ends, so a run killed at any moment leaves a file whose complete
// blocks are its finished epochs; a torn last block is ignored when reading.
class PredictionLog {
public:
    static constexpr const char* kFileName = "predictions.bin";

    PredictionLog() = default;
    PredictionLog(std::size_t exampleCount, std::vector<std::uint8_t> predictions);

    std::size_t exampleCount() const { return m_exampleCount; }
    int epochCount() const;
    // The class predicted for `example` after `epoch` (1-based).
    int at(int epoch, std::size_t example) const {
        return m_predictions[static_cast<std::size_t>(epoch - 1) * m_exampleCount + example];
    }
    // Every example's prediction after `epoch` (1-based).
    std::vector<int> epoch(int epoch) const;

    // Reads a run folder's predictions.bin; throws RunStoreError when it is missing or malformed.
    static PredictionLog load(const std::string& runDirectory);
    static bool exists(const std::string& runDirectory);

    // Appends epochs to a run folder's predictions.bin.
    class Writer {
    public:
        // Creates (truncates) the file and writes its header; throws RunStoreError.
        Writer(const std::string& runDirectory, std::size_t exampleCount);
        // One epoch's predictions (classes 0..255), flushed before returning.
        void append(const std::vector<int>& predictions);

    private:
        std::string m_path;
        std::size_t m_exampleCount = 0;
        std::ofstream m_file;
    };

private:
    std::size_t m_exampleCount = 0;
    std::vector<std::uint8_t> m_predictions;  // epoch after epoch
};

}  // namespace shatter
