#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <vector>

#include "run/run_entry.h"

namespace shatter {

// The Compare tab's table: a column per compared run, a row per final number (status, epochs
// run, final accuracies, gap, epochs to fit), then every setting, then when and where it ran.
// Settings that differ between the runs are marked. A new epoch of a run in training changes a
// few cells: those are updated in place; only other runs or other rows reset the model.
class CompareTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    explicit CompareTableModel(QObject* parent = nullptr);

    // The runs in column order, the setting keys that differ between them, and whether only
    // those settings get a row. Returns true when the rows or the columns changed (the model was
    // reset), false when only cells were updated.
    bool setRuns(const std::vector<RunEntry>& runs, const QStringList& differing, bool onlyDiffering);

    // The runs' names as the table's headers and the chart's legend show them: the run names,
    // told apart by their folders where two runs share a name.
    static QStringList runNames(const std::vector<RunEntry>& runs);

    // The row of a setting key or of a final number ("train_acc", "test_acc", ...); -1 if none.
    int rowOf(const QString& key) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        QString key;
        QString label;
        bool setting = false;
        bool differs = false;
    };
    struct Column {
        QString name;
        QString directory;
        int colourSlot = 0;
    };

    static std::vector<Row> rowsFor(const QStringList& differing, bool onlyDiffering);
    static QString cellText(const RunEntry& run, const Row& row);

    std::vector<Row> m_rows;
    std::vector<Column> m_columns;
    std::vector<QStringList> m_cells;  // m_cells[row][column]
};

}  // namespace shatter
