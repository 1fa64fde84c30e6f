#pragma once

#include <QSortFilterProxyModel>

namespace shatter {

class RunTableModel;

// The RUNS view's order over a RunTableModel: the library's, newest first, kept as runs are
// added or change. Filtering goes by the run's name (filterKeyColumn), case-insensitively;
// nothing is filtered out until a filter is set.
class RunSortFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit RunSortFilterModel(RunTableModel* runs, QObject* parent = nullptr);

    RunTableModel* runs() const { return m_runs; }
    // The run folder of a row of this model; empty for an invalid index.
    QString directory(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& directory, int column = 0) const;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    RunTableModel* m_runs;
};

}  // namespace shatter
