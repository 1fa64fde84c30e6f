#pragma once

#include <optional>
#include <string>
#include <vector>

#include "train/run_config.h"

namespace shatter {

// Table 1 of the paper (docs/PAPER.md §5): CIFAR-10 train and test accuracy of each network with
// and without random crops and weight decay, and on random labels.
struct PaperRow {
    std::string key;    // "mlp-1x512-random": the run name shatter-cli table1 gives it
    std::string title;  // "MLP 1×512, random labels"
    std::string model;
    bool randomLabels = false;
    bool randomCrop = false;
    bool weightDecay = false;
    double paperTrain = 0.0;  // percent
    double paperTest = 0.0;
};

class PaperTable {
public:
    // Shatter's weight decay for the rows with weight decay; the paper does not give its value.
    static constexpr double kWeightDecay = 0.0005;

    static const std::vector<PaperRow>& rows();
    static const PaperRow* find(const std::string& key);
    // The row a run's settings reproduce, if any: same network, true labels (level 0) or random
    // labels (labels at level 1), same random crop, weight decay on or off, CIFAR-10 data.
    static const PaperRow* rowFor(const RunConfig& config);
    // Epochs a row trains by default: true labels 30, random labels up to 60 (stopping once
    // fitted), which is when Shatter's MLPs are past the paper's numbers on CIFAR-10.
    static int defaultEpochs(const PaperRow& row) { return row.randomLabels ? 60 : 30; }
    // The settings of a row on a dataset: the paper's training recipe (docs/PAPER.md §4).
    // trainSize 0 keeps the full training set; epochs 0 means defaultEpochs.
    static RunConfig configFor(const PaperRow& row, const std::string& dataset,
                               std::int64_t trainSize, int epochs);
};

}  // namespace shatter
