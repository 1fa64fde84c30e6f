#include "corruption/corruptor.h"

#include <algorithm>
#include <cmath>

#include "corruption/corruption_level.h"
#include "shatter_error.h"
#include "util/seeded_random.h"

namespace shatter {

namespace {

enum Purpose : std::uint64_t {
    kLabels = 1,
    kChooseImages,
    kPermutation,
    kNoise,
    kChooseTestImages
};

void permutePixels(ImageSet& set, std::size_t index, const std::vector<int>& permutation) {
    const std::size_t plane = static_cast<std::size_t>(set.height) * set.width;
    std::uint8_t* image = set.image(index);
    std::vector<std::uint8_t> original(image, image + set.imageBytes());
    for (int c = 0; c < set.channels; ++c) {
        const std::uint8_t* from = original.data() + c * plane;
        std::uint8_t* to = image + c * plane;
        for (std::size_t p = 0; p < plane; ++p) to[p] = from[permutation[p]];
    }
}

// The first round(level * n) entries of a seeded permutation: which images change.
std::vector<std::size_t> chooseImages(std::size_t n, double level, std::uint64_t seed,
                                      Purpose purpose = kChooseImages) {
    SeededRandom random(SeededRandom::deriveSeed(seed, purpose));
    std::vector<int> order = random.permutation(static_cast<int>(n));
    const auto count = static_cast<std::size_t>(std::llround(level * static_cast<double>(n)));
    std::vector<std::size_t> chosen(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(count));
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

void corruptLabels(CorruptedDataset& out, int classCount, double level, std::uint64_t seed) {
    SeededRandom random(SeededRandom::deriveSeed(seed, kLabels));
    for (std::size_t i = 0; i < out.train.size(); ++i) {
        if (random.uniform() < level) {
            const int label = static_cast<int>(random.below(static_cast<std::uint64_t>(classCount)));
            out.train.labels[i] = label;
            out.corrupted[i] = label != out.trueLabels[i];
        }
    }
}

void replaceWithGaussian(CorruptedDataset& out, const std::vector<std::size_t>& chosen,
                         std::uint64_t seed, std::size_t pixelLimit) {
    ImageSet& set = out.train;
    const std::size_t plane = static_cast<std::size_t>(set.height) * set.width;
    GaussianInputs& noise = out.gaussian;
    noise.mean.assign(static_cast<std::size_t>(set.channels), 0.0);
    noise.stddev.assign(static_cast<std::size_t>(set.channels), 0.0);
    for (int c = 0; c < set.channels; ++c) {
        double sum = 0.0, sumSquares = 0.0;
        for (std::size_t i = 0; i < set.size(); ++i) {
            const std::uint8_t* channel = set.image(i) + c * plane;
            for (std::size_t p = 0; p < plane; ++p) {
                sum += channel[p];
                sumSquares += static_cast<double>(channel[p]) * channel[p];
            }
        }
        const double n = static_cast<double>(set.size() * plane);
        const double mean = sum / n;
        noise.mean[static_cast<std::size_t>(c)] = mean;
        noise.stddev[static_cast<std::size_t>(c)] =
            std::sqrt(std::max(0.0, sumSquares / n - mean * mean));
    }
    noise.seed = SeededRandom::deriveSeed(seed, kNoise);
    noise.height = set.height;
    noise.width = set.width;
    noise.images = chosen;
    for (std::size_t i : chosen) {
        out.corrupted[i] = 1;
        if (i >= pixelLimit) continue;
        // The 8-bit copy is for display; training reads the floating-point draw.
        const std::vector<float> values = noise.draw(i);
        std::uint8_t* image = set.image(i);
        for (std::size_t k = 0; k < values.size(); ++k) {
            image[k] = static_cast<std::uint8_t>(std::clamp(std::lround(values[k]), 0L, 255L));
        }
    }
}

}  // namespace

CorruptedDataset Corruptor::apply(const Dataset& dataset, CorruptionMode mode, double level,
                                  std::uint64_t seed, std::size_t pixelLimit) {
    if (!(level >= 0.0 && level <= 1.0)) {
        throw ConfigError("corruption level " + std::to_string(level) + ": must be between 0 and 1");
    }
    CorruptedDataset out;
    out.mode = mode;
    out.level = effectiveLevel(mode, level);
    out.classNames = dataset.classNames;
    out.train = dataset.train;
    out.trueLabels = dataset.train.labels;
    out.corrupted.assign(dataset.train.size(), 0);
    out.test = dataset.test;

    const int pixelsPerPlane = dataset.train.height * dataset.train.width;
    switch (mode) {
        case CorruptionMode::None: break;
        case CorruptionMode::Labels: corruptLabels(out, dataset.classCount(), level, seed); break;
        case CorruptionMode::ShuffledPixels: {
            SeededRandom random(SeededRandom::deriveSeed(seed, kPermutation));
            const std::vector<int> permutation = random.permutation(pixelsPerPlane);
            for (std::size_t i : chooseImages(out.train.size(), level, seed)) {
                if (i < pixelLimit) permutePixels(out.train, i, permutation);
                out.corrupted[i] = 1;
            }
            // The same share of test images, with the same permutation: level 0 is the true
            // data, level 1 the paper's setting (docs/PAPER.md §1).
            for (std::size_t i : chooseImages(out.test.size(), level, seed, kChooseTestImages)) {
                permutePixels(out.test, i, permutation);
            }
            break;
        }
        case CorruptionMode::RandomPixels: {
            SeededRandom random(SeededRandom::deriveSeed(seed, kPermutation));
            // One permutation after another in ascending image order: the images before the
            // limit get theirs without drawing any later one's.
            for (std::size_t i : chooseImages(out.train.size(), level, seed)) {
                if (i < pixelLimit) permutePixels(out.train, i, random.permutation(pixelsPerPlane));
                out.corrupted[i] = 1;
            }
            break;
        }
        case CorruptionMode::Gaussian:
            replaceWithGaussian(out, chooseImages(out.train.size(), level, seed), seed, pixelLimit);
            break;
    }
    return out;
}

}  // namespace shatter
