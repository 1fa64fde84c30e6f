#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "corruption/corrupted_dataset.h"
#include "corruption/corruption_mode.h"
#include "data/image_set.h"

namespace shatter {

// A few of a run's training images as that run trains on them, for showing a class what a
// corruption does: each image before and after, its true and assigned label and whether the
// corruption changed it, taken from the run's own draw. When the level is strictly between 0
// and 1 both kinds appear: the first corrupted and the first untouched images of the training
// set, about `level` of them corrupted.
struct CorruptionSample {
    struct Tile {
        std::size_t index = 0;  // in the run's training set
        int trueLabel = 0;
        int assignedLabel = 0;  // the label the network is taught
        bool corrupted = false;
    };

    CorruptionMode mode = CorruptionMode::None;
    double level = 0.0;  // the effective level
    std::vector<std::string> classNames;
    std::size_t trainImages = 0;      // in the whole run
    std::size_t corruptedImages = 0;  // in the whole run
    std::vector<Tile> tiles;          // in training-set order
    ImageSet original;                // tile i's image before corruption
    ImageSet trained;                 // tile i's image as trained on (Gaussian: its 8-bit copy)
    std::vector<double> noiseMean;    // Gaussian: per channel, 0..255 scale
    std::vector<double> noiseStddev;

    std::size_t corruptedTiles() const;

    // How many of `count` tiles show corrupted images at `level`: round(level * count), but at
    // least one and at most count - 1 when 0 < level < 1.
    static std::size_t corruptedShare(double level, std::size_t count);
    // The training-set indices of the tiles, ascending, from the run's "corrupted" flags.
    static std::vector<std::size_t> chooseTiles(const std::vector<std::uint8_t>& corrupted,
                                                double level, std::size_t count);
    // Picks `count` tiles from a run's training set before (`original`) and after corruption.
    // Fewer when the set is smaller, or when one kind runs out (then the other fills in).
    static CorruptionSample pick(const ImageSet& original, const CorruptedDataset& corrupted,
                                 std::size_t count);
};

}  // namespace shatter
