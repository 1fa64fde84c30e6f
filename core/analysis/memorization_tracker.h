#pragma once

#include <vector>

namespace shatter {

// Each training example's fit epoch and forgetting events, as MemorizationAnalysis::compute
// reports them for the same epochs, kept up to date one epoch of predictions at a time: adding an
// epoch costs one pass over the examples, however many epochs came before.
class MemorizationTracker {
public:
    // Starts over, before any epoch, for examples taught `assignedLabels`.
    void reset(std::vector<int> assignedLabels);
    // The next epoch: one predicted class per example. Throws std::invalid_argument when the
    // count differs from the examples'.
    void add(const std::vector<int>& predictions);
    // Brings the tracker to `epochs` (one prediction vector per finished epoch, epoch 1 first):
    // adds the epochs it has not seen yet, or starts over from the first when there are fewer
    // epochs than it has seen or the latest one it saw is not the same any more (a run replaced
    // or moved back).
    void follow(const std::vector<std::vector<int>>& epochs);

    // The rule, for one example at `epoch` (1-based): it counts as fitted from the epoch it became
    // correct (0 while it is wrong), and each change from correct to wrong is a forgetting event.
    // MemorizationAnalysis applies the same rule over a whole prediction log.
    static void observe(int epoch, bool correct, bool wasCorrect, int& fitEpoch, int& forgettingEvents);

    int epochs() const { return m_epochs; }
    // Per example: the epoch from which it has stayed fitted to its assigned label (0: not fitted
    // at the latest epoch), and how many times it went from fitted to not fitted.
    const std::vector<int>& fitEpoch() const { return m_fitEpoch; }
    const std::vector<int>& forgettingEvents() const { return m_forgetting; }

private:
    std::vector<int> m_assignedLabels;
    std::vector<int> m_fitEpoch;
    std::vector<int> m_forgetting;
    std::vector<int> m_latest;  // the predictions of the latest epoch added
    int m_epochs = 0;
};

}  // namespace shatter
