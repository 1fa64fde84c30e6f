#pragma once

#include <vector>

#include "run/run_entry.h"
#include "train/epoch_metrics.h"
#include "train/training_observer.h"

namespace shatter {

// One run's per-epoch data as it arrives, apart from whatever draws it: the metrics of every
// finished epoch and, per training example, the prediction at each epoch and the epoch since
// which it has stayed fitted.
class RunHistory {
public:
    // Forgets the previous run; `plannedEpochs` is how many epochs the new run asks for.
    void begin(int plannedEpochs);
    void add(const EpochReport& report);

    int plannedEpochs() const { return m_plannedEpochs; }
    const std::vector<EpochMetrics>& epochs() const { return m_epochs; }
    // nullptr before the first epoch.
    const EpochMetrics* latest() const { return m_epochs.empty() ? nullptr : &m_epochs.back(); }
    // One vector per finished epoch, one prediction per training example.
    const std::vector<std::vector<int>>& predictions() const { return m_predictions; }
    // Per training example: the first epoch from which it has stayed fitted (0: not fitted).
    const std::vector<int>& fittedSince() const { return m_fittedSince; }
    // Seconds since the run started, at the end of the latest epoch.
    double elapsedSeconds() const { return m_elapsedSeconds; }

    // The run's library entry as it stands: `listed` (the entry read when the run began) with
    // these epochs and the numbers they give, as RunLibrary::read would find them on disk.
    RunEntry entry(const RunEntry& listed) const;

private:
    int m_plannedEpochs = 0;
    std::vector<EpochMetrics> m_epochs;
    std::vector<std::vector<int>> m_predictions;
    std::vector<int> m_fittedSince;
    double m_elapsedSeconds = 0.0;
};

}  // namespace shatter
