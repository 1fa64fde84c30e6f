#include "run/run_history.h"

#include "run/epoch_summary.h"

namespace shatter {

void RunHistory::begin(int plannedEpochs) {
    m_plannedEpochs = plannedEpochs;
    m_epochs.clear();
    m_predictions.clear();
    m_fittedSince.clear();
    m_elapsedSeconds = 0.0;
}

void RunHistory::add(const EpochReport& report) {
    m_epochs.push_back(report.metrics);
    m_predictions.push_back(report.predictions);
    m_fittedSince = report.fittedSince;
    m_elapsedSeconds = report.elapsedSeconds;
}

RunEntry RunHistory::entry(const RunEntry& listed) const {
    RunEntry entry = listed;
    RunSummary summary = summarizeEpochs(m_epochs, listed.config().fitThreshold);
    summary.parameters = listed.summary().parameters;
    entry.record.summary = summary;
    entry.record.epochs = m_epochs;
    return entry;
}

}  // namespace shatter
