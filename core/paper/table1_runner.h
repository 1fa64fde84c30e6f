#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "paper/paper_comparison.h"
#include "sweep/sweep_runner.h"

namespace shatter {

class RunPipeline;

// Runs Table 1 rows one after another into a folder, each as one RunPipeline run named by its
// row key, on a dataset loaded once. Running the folder again resumes: a row whose run in the
// folder finished with the same scale (training-set size and epochs) is skipped.
class Table1Runner {
public:
    struct Plan {
        std::vector<std::string> rows;  // row keys; empty: every row
        std::string dataset;            // "cifar10:DIR"
        std::int64_t trainSize = 0;     // 0: the full training set
        int epochs = 0;                 // 0: PaperTable::defaultEpochs
        int threads = 0;
    };

    Table1Runner(Plan plan, std::string directory);

    // Throws ConfigError for an unknown row or bad settings before the first run starts.
    void run(SweepObserver& observer);
    void cancel();
    void cancelFromSignalHandler();
    bool cancelled() const { return m_cancelled; }

    // The rows' settings as they will run.
    std::vector<RunConfig> configs() const;
    // Every readable run in the folder, beside the paper's numbers.
    static std::vector<PaperComparisonRow> compareFolder(const std::string& directory);

private:
    Plan m_plan;
    std::string m_directory;
    std::atomic<bool> m_cancelled{false};
    std::mutex m_currentMutex;
    std::atomic<RunPipeline*> m_current{nullptr};
};

}  // namespace shatter
