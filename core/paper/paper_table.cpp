#include "paper/paper_table.h"

namespace shatter {

const std::vector<PaperRow>& PaperTable::rows() {
    // docs/PAPER.md §5, in the paper's order.
    static const std::vector<PaperRow> table = {
        {"inception-crop-wd", "Inception", "inception", false, true, true, 100.0, 89.05},
        {"inception", "Inception", "inception", false, false, false, 100.0, 85.75},
        {"inception-random", "Inception, random labels", "inception", true, false, false, 100.0,
         9.78},
        {"inception-nobn", "Inception without BatchNorm", "inception-nobn", false, false, false,
         100.0, 82.00},
        {"inception-nobn-random", "Inception without BatchNorm, random labels", "inception-nobn",
         true, false, false, 100.0, 10.12},
        {"alexnet-crop-wd", "AlexNet", "alexnet", false, true, true, 99.90, 81.22},
        {"alexnet", "AlexNet", "alexnet", false, false, false, 100.0, 76.07},
        {"alexnet-random", "AlexNet, random labels", "alexnet", true, false, false, 99.82, 9.86},
        {"mlp-3x512-wd", "MLP 3×512", "mlp-3x512", false, false, true, 100.0, 53.35},
        {"mlp-3x512", "MLP 3×512", "mlp-3x512", false, false, false, 100.0, 52.39},
        {"mlp-3x512-random", "MLP 3×512, random labels", "mlp-3x512", true, false, false, 100.0,
         10.48},
        {"mlp-1x512-wd", "MLP 1×512", "mlp-1x512", false, false, true, 99.80, 50.39},
        {"mlp-1x512", "MLP 1×512", "mlp-1x512", false, false, false, 100.0, 50.51},
        {"mlp-1x512-random", "MLP 1×512, random labels", "mlp-1x512", true, false, false, 99.34,
         10.61},
    };
    return table;
}

const PaperRow* PaperTable::find(const std::string& key) {
    for (const PaperRow& row : rows()) {
        if (row.key == key) return &row;
    }
    return nullptr;
}

const PaperRow* PaperTable::rowFor(const RunConfig& config) {
    if (config.dataset.rfind("cifar10", 0) != 0) return nullptr;
    const double level = config.effectiveLevel();
    const bool trueLabels = level <= 0.0;
    const bool randomLabels = config.corruption == CorruptionMode::Labels && level >= 1.0;
    if (!trueLabels && !randomLabels) return nullptr;
    if (config.dropout > 0.0) return nullptr;
    for (const PaperRow& row : rows()) {
        if (row.model == config.model && row.randomLabels == randomLabels &&
            row.randomCrop == config.randomCrop && row.weightDecay == (config.weightDecay > 0.0)) {
            return &row;
        }
    }
    return nullptr;
}

RunConfig PaperTable::configFor(const PaperRow& row, const std::string& dataset,
                                std::int64_t trainSize, int epochs) {
    RunConfig config;
    config.name = row.key;
    config.dataset = dataset;
    config.model = row.model;
    config.corruption = row.randomLabels ? CorruptionMode::Labels : CorruptionMode::None;
    config.level = row.randomLabels ? 1.0 : 0.0;
    config.randomCrop = row.randomCrop;
    config.weightDecay = row.weightDecay ? kWeightDecay : 0.0;
    config.trainSize = trainSize;
    config.epochs = epochs > 0 ? epochs : defaultEpochs(row);
    config.stopWhenFit = row.randomLabels;
    if (row.randomLabels) {
        config.lrDecay = kRandomLabelsLrDecay;
        config.fitThreshold = kRandomLabelsFitThreshold;
    }
    return config;
}

}  // namespace shatter
