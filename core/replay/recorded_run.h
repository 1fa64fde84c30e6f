#pragma once

#include <optional>
#include <string>
#include <vector>

#include "replay/replay_timeline.h"
#include "run/example_records.h"
#include "run/prediction_log.h"
#include "run/run_record.h"
#include "train/training_observer.h"

namespace shatter {

// A stored run read back to be replayed: its record (settings, every finished epoch's metrics,
// how it ended) and, where the folder has them, its example records (labels) and every
// example's prediction per epoch (predictions.bin). Hands out the EpochReport the trainer sent
// at the end of each epoch, rebuilt from these files, so that the window can show the run as
// it grew without training.
class RecordedRun {
public:
    RecordedRun() = default;
    // Whatever `predictions` covers beyond the epochs of `record` is not replayed; an epoch of
    // `record` beyond `predictions` (a run killed between writing the two) is left out.
    RecordedRun(RunRecord record, std::optional<ExampleRecords> examples,
                std::optional<PredictionLog> predictions);

    // Reads a run folder: config.json, metrics.csv, summary.json and, when present, examples.bin
    // and predictions.bin. Throws RunStoreError naming the file when one is malformed or does
    // not fit the others, or when the run has no finished epoch.
    static RecordedRun load(const std::string& directory);

    const RunRecord& record() const { return m_record; }
    // The epochs a replay shows: every finished epoch (an incomplete run's last finished one
    // ends it).
    int epochCount() const { return m_epochCount; }
    // Whether every replayed epoch has its predictions (predictions.bin and examples.bin).
    bool hasPredictions() const { return m_predictions.has_value(); }
    const std::optional<ExampleRecords>& examples() const { return m_examples; }
    // The 1× time line of the replayed epochs (see ReplayTimeline).
    ReplayTimeline timeline() const;
    // Seconds of training by the end of `epoch`: the recorded epoch_seconds summed (missing
    // ones count 0).
    double trainingSecondsBy(int epoch) const;
    // What the trainer knew before the first batch, as far as the folder says.
    RunStart start() const;
    // How the run ended; an incomplete run's from its last finished epoch.
    const RunSummary& summary() const { return m_record.summary; }

    // The report of `epoch` (1..epochCount): its metrics, its predictions (empty without
    // predictions.bin) and, when `withFittedSince`, every example's fitted-since epoch as of it.
    // That last part reads the predictions of every epoch so far: a replay adding several epochs
    // at once asks for it on the last one only (a RunHistory keeps only the latest).
    // Throws RunStoreError for an epoch out of range.
    EpochReport report(int epoch, bool withFittedSince = true) const;

private:
    RunRecord m_record;
    std::optional<ExampleRecords> m_examples;
    std::optional<PredictionLog> m_predictions;
    int m_epochCount = 0;
};

}  // namespace shatter
