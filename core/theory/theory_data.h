#pragma once

#include <string>

#include "corruption/corrupted_dataset.h"
#include "theory/feature_matrix.h"

namespace shatter {

// The data of one RunConfig prepared for the theory constructions: the subsets and corruption a
// training run with the same config would use, and their preprocessed inputs.
struct TheoryData {
    std::string datasetName;
    CorruptedDataset data;  // train.labels are the assigned labels, test.labels the true ones
    FeatureMatrix train;
    FeatureMatrix test;

    int classCount() const { return static_cast<int>(data.classNames.size()); }
};

}  // namespace shatter
