#include "train/run_preparation.h"

#include "corruption/corruptor.h"
#include "data/balanced_subset.h"
#include "data/dataset_source.h"
#include "shatter_error.h"
#include "util/seeded_random.h"

namespace shatter {

namespace {

enum Purpose : std::uint64_t { kTrainSubset = 201, kTestSubset, kCorruption };

ImageSet trainingSubset(const RunConfig& config, const Dataset& dataset) {
    return config.trainSize > 0
               ? BalancedSubset::draw(dataset.train, dataset.classCount(),
                                      static_cast<std::size_t>(config.trainSize),
                                      SeededRandom::deriveSeed(config.seed, kTrainSubset))
               : dataset.train;
}

CorruptedDataset corrupt(const RunConfig& config, const Dataset& selected,
                         std::size_t pixelLimit = Corruptor::kAllImages) {
    return Corruptor::apply(selected, config.corruption, config.effectiveLevel(),
                            SeededRandom::deriveSeed(config.seed, kCorruption), pixelLimit);
}

}  // namespace

Dataset RunPreparation::loadDataset(const RunConfig& config) {
    return DatasetSource::parse(config.dataset).load();
}

void RunPreparation::checkFits(const RunConfig& config, const Dataset& dataset) {
    const std::string origin = "dataset '" + config.dataset + "'";
    for (const ImageSet* split : {&dataset.train, &dataset.test}) {
        const char* which = split == &dataset.train ? "training" : "test";
        if (split->size() == 0) throw DataError(origin + ": the " + std::string(which) + " split holds no images");
        if (split->pixels.size() != split->size() * split->imageBytes()) {
            throw DataError(origin + ": the " + std::string(which) + " split's pixels do not match its labels");
        }
    }
    if (dataset.train.channels != dataset.test.channels || dataset.train.height != dataset.test.height ||
        dataset.train.width != dataset.test.width) {
        throw DataError(origin + ": training and test images differ in size or channels");
    }
    for (const ImageSet* split : {&dataset.train, &dataset.test}) {
        for (const int label : split->labels) {
            if (label < 0 || label >= dataset.classCount()) {
                throw DataError(origin + ": label " + std::to_string(label) + " is outside the " +
                                std::to_string(dataset.classCount()) + " classes");
            }
        }
    }
    const auto trainImages = static_cast<std::int64_t>(dataset.train.size());
    const auto testImages = static_cast<std::int64_t>(dataset.test.size());
    if (config.trainSize > trainImages) {
        throw ConfigError("train_size " + std::to_string(config.trainSize) + ": " + origin + " has " +
                          std::to_string(trainImages) + " training images (use 0 for all of them)");
    }
    if (config.testSize > testImages) {
        throw ConfigError("test_size " + std::to_string(config.testSize) + ": " + origin + " has " +
                          std::to_string(testImages) + " test images (use 0 for all of them)");
    }
}

void RunPreparation::checkTrainable(const RunConfig& config, const CorruptedDataset& data) {
    const std::string origin = "dataset '" + config.dataset + "'";
    for (const ImageSet* split : {&data.train, &data.test}) {
        const char* which = split == &data.train ? "training" : "test";
        if (split->height < ImageSet::kMinimumSide || split->width < ImageSet::kMinimumSide) {
            throw DataError(origin + ": " + which + " images are " + std::to_string(split->height) + "x" +
                            std::to_string(split->width) + " pixels; the networks need at least " +
                            std::to_string(ImageSet::kMinimumSide) + "x" + std::to_string(ImageSet::kMinimumSide));
        }
        if (split->channels != 1 && split->channels != 3) {
            throw DataError(origin + ": " + which + " images have " + std::to_string(split->channels) +
                            " channels, expected 1 (grey) or 3 (colour)");
        }
    }
    const auto trainCount = static_cast<std::int64_t>(data.train.size());
    if (config.batchSize > trainCount) {
        throw ConfigError("batch_size " + std::to_string(config.batchSize) + ": larger than the " +
                          std::to_string(trainCount) + " training images of the run");
    }
}

CorruptedDataset RunPreparation::prepare(const RunConfig& config, const Dataset& dataset) {
    checkFits(config, dataset);
    Dataset selected;
    selected.name = dataset.name;
    selected.classNames = dataset.classNames;
    selected.train = trainingSubset(config, dataset);
    selected.test = config.testSize > 0
                        ? BalancedSubset::draw(dataset.test, dataset.classCount(),
                                               static_cast<std::size_t>(config.testSize),
                                               SeededRandom::deriveSeed(config.seed, kTestSubset))
                        : dataset.test;
    return corrupt(config, selected);
}

CorruptionSample RunPreparation::sample(const RunConfig& config, const Dataset& dataset,
                                        std::size_t count) {
    checkFits(config, dataset);
    Dataset selected;
    selected.name = dataset.name;
    selected.classNames = dataset.classNames;
    selected.train = trainingSubset(config, dataset);
    selected.test.channels = dataset.test.channels;
    selected.test.height = dataset.test.height;
    selected.test.width = dataset.test.width;
    // The run's flags first, without touching pixels; then the pixels up to the last image shown.
    const CorruptedDataset flags = corrupt(config, selected, 0);
    const std::vector<std::size_t> shown = CorruptionSample::chooseTiles(flags.corrupted, flags.level, count);
    const std::size_t pixelLimit = shown.empty() ? 0 : shown.back() + 1;
    return CorruptionSample::pick(selected.train, corrupt(config, selected, pixelLimit), count);
}

}  // namespace shatter
