#include "analysis/memorization_tracker.h"

#include <stdexcept>
#include <string>

namespace shatter {

void MemorizationTracker::reset(std::vector<int> assignedLabels) {
    m_assignedLabels = std::move(assignedLabels);
    m_fitEpoch.assign(m_assignedLabels.size(), 0);
    m_forgetting.assign(m_assignedLabels.size(), 0);
    m_latest.clear();
    m_epochs = 0;
}

void MemorizationTracker::add(const std::vector<int>& predictions) {
    if (predictions.size() != m_assignedLabels.size()) {
        throw std::invalid_argument("an epoch of " + std::to_string(predictions.size()) +
                                    " predictions for " + std::to_string(m_assignedLabels.size()) +
                                    " examples");
    }
    ++m_epochs;
    const bool first = m_latest.empty();
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        const bool correct = predictions[i] == m_assignedLabels[i];
        const bool wasCorrect = !first && m_latest[i] == m_assignedLabels[i];
        observe(m_epochs, correct, wasCorrect, m_fitEpoch[i], m_forgetting[i]);
    }
    m_latest = predictions;
}

void MemorizationTracker::observe(int epoch, bool correct, bool wasCorrect, int& fitEpoch,
                                  int& forgettingEvents) {
    if (wasCorrect && !correct) ++forgettingEvents;
    if (!correct) {
        fitEpoch = 0;
    } else if (!wasCorrect) {
        fitEpoch = epoch;
    }
}

void MemorizationTracker::follow(const std::vector<std::vector<int>>& epochs) {
    const bool replaced =
        int(epochs.size()) < m_epochs ||
        (m_epochs > 0 && epochs[static_cast<std::size_t>(m_epochs - 1)] != m_latest);
    if (replaced) reset(std::move(m_assignedLabels));
    for (std::size_t e = static_cast<std::size_t>(m_epochs); e < epochs.size(); ++e) add(epochs[e]);
}

}  // namespace shatter
