#pragma once

#include <optional>
#include <string>

#include "corruption/corrupted_dataset.h"
#include "run/example_records.h"
#include "run/prediction_log.h"
#include "run/run_info.h"
#include "train/run_config.h"
#include "train/training_observer.h"

namespace shatter {

// Writes a run directory as the trainer reports (docs/ARCHITECTURE.md, "The run folder"):
//   config.json   at the start: every setting and the run's facts
//   metrics.csv   a row appended as each epoch ends
//   examples.bin  per-example records, replaced atomically after each epoch
//   predictions.bin  every example's prediction, a block appended and flushed per epoch
//   summary.json  written atomically when the run ends
//   error.log     the full report behind a failure (a LibTorch stack trace), when there is one
// so a process killed at any moment leaves a directory that loads with every finished epoch:
// the folder is assembled under a hidden name (.partial-PID-NAME) and renamed into place only
// once config.json and the metrics header are in it, so it is loadable from its first moment.
//
// Disk errors: the first one is the one reported. onEpoch throws it (the trainer then ends the
// run as failed), and onFinished records the run as "failed" with that message. The space for
// summary.json is reserved when the folder is created, so a full disk still gets its summary.
// No write leaves a temporary file or half a metrics row behind.
class RunWriter : public TrainingObserver {
public:
    // Creates ROOT/<YYYYMMDD-HHMMSS>-<slug>/ (a numeric suffix keeps names unique). Throws
    // RunStoreError, leaving nothing behind, when the folder cannot be created and filled.
    RunWriter(const std::string& root, const RunConfig& config, const CorruptedDataset& data,
              const std::string& datasetName);
    // Writes into `directory`, which the caller has already created (claimed) and which is empty.
    struct ExistingFolder {};
    RunWriter(ExistingFolder, const std::string& directory, const RunConfig& config,
              const CorruptedDataset& data, const std::string& datasetName);
    ~RunWriter() override;
    RunWriter(const RunWriter&) = delete;
    RunWriter& operator=(const RunWriter&) = delete;

    const std::string& directory() const { return m_directory; }
    // The first write that failed; empty while every write succeeded.
    const std::string& firstError() const { return m_firstError; }

    void onStarted(const RunStart& start) override;
    void onEpoch(const EpochReport& report) override;
    void onFinished(const RunSummary& summary) override;

    static std::string slugFor(const RunConfig& config);
    static std::string summaryToJson(const RunSummary& summary);
    // The name of the file that holds summary.json's space until the run ends.
    static constexpr const char* kSummaryReserve = ".summary.reserve";
    static constexpr std::size_t kSummaryReserveBytes = 16 * 1024;

private:
    void recordFacts(const CorruptedDataset& data, const std::string& datasetName);
    void createStaged(const std::string& root, const std::string& base);
    void fill(const std::string& folder);
    void closeFiles();
    void writeConfig(const std::string& folder);
    void appendMetricsRow(const std::string& row);
    void writeSummary(const std::string& text);
    // Remembers the first failure and throws it.
    [[noreturn]] void fail(const std::string& message);

    std::string m_directory;
    RunConfig m_config;
    RunInfo m_info;
    ExampleRecords m_examples;
    int m_metricsFd = -1;
    int m_reserveFd = -1;
    std::string m_firstError;
    int m_rowsWritten = 0;  // whole rows in metrics.csv
    EpochMetrics m_lastRow;
    std::optional<PredictionLog::Writer> m_predictions;  // opened at the first epoch
};

}  // namespace shatter
