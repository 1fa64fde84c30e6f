#include "corruption/corruption_sample.h"

#include <algorithm>
#include <cmath>

#include "shatter_error.h"

namespace shatter {

namespace {

void appendImage(ImageSet& to, const ImageSet& from, std::size_t index) {
    to.pixels.insert(to.pixels.end(), from.image(index), from.image(index) + from.imageBytes());
    to.labels.push_back(from.labels[index]);
}

ImageSet emptyLike(const ImageSet& set) {
    ImageSet empty;
    empty.channels = set.channels;
    empty.height = set.height;
    empty.width = set.width;
    return empty;
}

}  // namespace

std::size_t CorruptionSample::corruptedTiles() const {
    return static_cast<std::size_t>(
        std::count_if(tiles.begin(), tiles.end(), [](const Tile& tile) { return tile.corrupted; }));
}

std::size_t CorruptionSample::corruptedShare(double level, std::size_t count) {
    if (count == 0 || level <= 0.0) return 0;
    if (level >= 1.0) return count;
    const auto share = static_cast<std::size_t>(std::llround(level * static_cast<double>(count)));
    return std::clamp<std::size_t>(share, 1, std::max<std::size_t>(count, 2) - 1);
}

std::vector<std::size_t> CorruptionSample::chooseTiles(const std::vector<std::uint8_t>& corrupted,
                                                       double level, std::size_t count) {
    // The first images of each kind in training-set order; one kind fills in for the other.
    const std::size_t n = corrupted.size();
    const auto corruptedImages = static_cast<std::size_t>(std::count_if(
        corrupted.begin(), corrupted.end(), [](std::uint8_t flag) { return flag != 0; }));
    count = std::min(count, n);
    std::size_t wantCorrupted = std::min(corruptedShare(level, count), corruptedImages);
    const std::size_t wantClean = std::min(count - wantCorrupted, n - corruptedImages);
    wantCorrupted = std::min(count - wantClean, corruptedImages);
    std::vector<std::size_t> chosen;
    std::size_t takenCorrupted = 0, takenClean = 0;
    for (std::size_t i = 0; i < n && chosen.size() < wantCorrupted + wantClean; ++i) {
        const bool changed = corrupted[i] != 0;
        if (changed ? takenCorrupted == wantCorrupted : takenClean == wantClean) continue;
        (changed ? takenCorrupted : takenClean)++;
        chosen.push_back(i);
    }
    return chosen;
}

CorruptionSample CorruptionSample::pick(const ImageSet& original, const CorruptedDataset& corrupted,
                                        std::size_t count) {
    const std::size_t n = corrupted.train.size();
    if (original.size() != n || corrupted.corrupted.size() != n ||
        corrupted.trueLabels.size() != n || original.imageBytes() != corrupted.train.imageBytes()) {
        throw DataError("corruption sample: the images before and after corruption do not match");
    }
    CorruptionSample sample;
    sample.mode = corrupted.mode;
    sample.level = corrupted.level;
    sample.classNames = corrupted.classNames;
    sample.trainImages = n;
    sample.corruptedImages = corrupted.corruptedCount();
    sample.noiseMean = corrupted.gaussian.mean;
    sample.noiseStddev = corrupted.gaussian.stddev;
    sample.original = emptyLike(original);
    sample.trained = emptyLike(corrupted.train);

    for (const std::size_t i : chooseTiles(corrupted.corrupted, corrupted.level, count)) {
        sample.tiles.push_back(
            {i, corrupted.trueLabels[i], corrupted.train.labels[i], corrupted.corrupted[i] != 0});
        appendImage(sample.original, original, i);
        appendImage(sample.trained, corrupted.train, i);
    }
    return sample;
}

}  // namespace shatter
