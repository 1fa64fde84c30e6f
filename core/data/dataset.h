#pragma once

#include <string>
#include <vector>

#include "data/image_set.h"

namespace shatter {

// A labelled image classification dataset: a training and a test split sharing class names.
struct Dataset {
    std::string name;
    std::vector<std::string> classNames;
    ImageSet train;
    ImageSet test;

    int classCount() const { return static_cast<int>(classNames.size()); }
};

}  // namespace shatter
