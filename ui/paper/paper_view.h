#pragma once

#include <QWidget>
#include <vector>

#include "paper/paper_comparison.h"
#include "run/run_entry.h"

class QLabel;
class QTableWidget;

namespace shatter {

// The Paper tab: Table 1 of the paper (docs/PAPER.md §5) beside the matching runs of the
// library (CIFAR-10, same network, labels and regularizers): the paper's train and test
// accuracy, the run's, the difference in points, the epoch early stopping would pick, and the
// run each cell came from. Runs on a subset or cut short are shown apart, in grey, and say so.
class PaperView : public QWidget {
    Q_OBJECT

public:
    explicit PaperView(QWidget* parent = nullptr);

    // The library's runs; only those matching a Table 1 row are read.
    void setEntries(const std::vector<RunEntry>& entries);
    const std::vector<PaperComparisonRow>& rows() const { return m_rows; }
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    // "Run missing rows": the row keys without a full-scale run.
    void runMissingRequested(const QStringList& rowKeys);

private:
    void fill();

    std::vector<PaperComparisonRow> m_rows;
    std::vector<RunRecord> m_runs;
    QLabel* m_caption;
    QTableWidget* m_table;
};

}  // namespace shatter
