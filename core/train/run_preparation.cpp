#include "train/run_preparation.h"

#include "corruption/corruptor.h"
#include "data/balanced_subset.h"
#include "data/dataset_source.h"
#include "util/seeded_random.h"

namespace shatter {

namespace {

enum Purpose : std::uint64_t { kTrainSubset = 201, kTestSubset, kCorruption };

}  // namespace

Dataset RunPreparation::loadDataset(const RunConfig& config) {
    return DatasetSource::parse(config.dataset).load();
}

CorruptedDataset RunPreparation::prepare(const RunConfig& config, const Dataset& dataset) {
    Dataset selected;
    selected.name = dataset.name;
    selected.classNames = dataset.classNames;
    selected.train = config.trainSize > 0
                         ? BalancedSubset::draw(dataset.train, dataset.classCount(),
                                                static_cast<std::size_t>(config.trainSize),
                                                SeededRandom::deriveSeed(config.seed, kTrainSubset))
                         : dataset.train;
    selected.test = config.testSize > 0
                        ? BalancedSubset::draw(dataset.test, dataset.classCount(),
                                               static_cast<std::size_t>(config.testSize),
                                               SeededRandom::deriveSeed(config.seed, kTestSubset))
                        : dataset.test;
    return Corruptor::apply(selected, config.corruption, config.effectiveLevel(),
                            SeededRandom::deriveSeed(config.seed, kCorruption));
}

}  // namespace shatter
