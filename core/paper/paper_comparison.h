#pragma once

#include <optional>
#include <string>
#include <vector>

#include "paper/paper_table.h"
#include "run/run_record.h"

namespace shatter {

// One run's numbers in a Table 1 row.
struct PaperCell {
    std::string directory;
    double trainAcc = 0.0;  // percent
    double testAcc = 0.0;
    int epochs = 0;  // finished epochs
    int configuredEpochs = 0;
    std::int64_t trainSize = 0;  // 0: the full training set
    RunStatus status = RunStatus::Incomplete;
    // Full scale: the whole CIFAR-10 training and test sets and a run that ended normally
    // (finished all its epochs or stopped at its fit threshold).
    bool fullScale = false;
    std::string
        scaleNote;  // why it is not full scale: "subset of 2000", "incomplete, 12 of 30 epochs"
};

// Table 1 beside the runs that reproduce its rows: per row the newest full-scale run, and the
// newest run on a subset or with fewer epochs, shown apart.
struct PaperComparisonRow {
    const PaperRow* row = nullptr;
    std::optional<PaperCell> full;
    std::optional<PaperCell> partial;
};

class PaperComparison {
public:
    // Runs that match no row are ignored. Rows keep the paper's order.
    static std::vector<PaperComparisonRow> compare(const std::vector<RunRecord>& runs);
    static PaperCell cellOf(const RunRecord& run);
    // The side-by-side table as text, one line per row.
    static std::string format(const std::vector<PaperComparisonRow>& rows);
};

}  // namespace shatter
