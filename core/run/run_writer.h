#pragma once

#include <fstream>
#include <string>

#include "corruption/corrupted_dataset.h"
#include "run/example_records.h"
#include "run/run_info.h"
#include "train/run_config.h"
#include "train/training_observer.h"

namespace shatter {

// Writes a run directory as the trainer reports (docs/ARCHITECTURE.md, "The run folder"):
//   config.json   at the start: every setting and the run's facts
//   metrics.csv   a row appended and flushed as each epoch ends
//   examples.bin  per-example records, replaced atomically after each epoch
//   summary.json  written atomically when the run ends
// so a process killed at any moment leaves a directory that loads with every finished epoch.
class RunWriter : public TrainingObserver {
public:
    // Creates ROOT/<YYYYMMDD-HHMMSS>-<slug>/ (a numeric suffix keeps names unique).
    RunWriter(const std::string& root, const RunConfig& config, const CorruptedDataset& data,
              const std::string& datasetName);

    const std::string& directory() const { return m_directory; }

    void onStarted(const RunStart& start) override;
    void onEpoch(const EpochReport& report) override;
    void onFinished(const RunSummary& summary) override;

    static std::string slugFor(const RunConfig& config);
    static std::string summaryToJson(const RunSummary& summary);

private:
    void writeConfig();

    std::string m_directory;
    RunConfig m_config;
    RunInfo m_info;
    ExampleRecords m_examples;
    std::ofstream m_metrics;
};

}  // namespace shatter
