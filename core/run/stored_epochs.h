#pragma once

#include <string>
#include <vector>

#include "train/training_observer.h"

namespace shatter {

// A run folder's epochs as the trainer reported them while it ran: the metrics of each
// epoch with, when the folder has them (examples.bin and predictions.bin), every example's
// prediction and the epoch since which it has stayed fitted. A window shows a stored run by
// feeding these to its live view one after another.
class StoredEpochs {
public:
    // Throws RunStoreError naming the file when the run folder cannot be read.
    static std::vector<EpochReport> read(const std::string& runDirectory);
    // Fitted-since per example after each epoch, from the predictions of every epoch and the
    // labels taught: an example counts from the first epoch of its latest unbroken run of
    // correct predictions; 0 while it is predicted wrongly.
    static std::vector<std::vector<int>> fittedSince(const std::vector<std::vector<int>>& predictions,
                                                     const std::vector<int>& assignedLabels);
};

}  // namespace shatter
