#pragma once

#include <QSortFilterProxyModel>

namespace shatter {

class RunGroupModel;
class RunTableModel;
struct RunEntry;

// The RUNS view over a RunTableModel: the runs of each sweep under a group row for the sweep
// (RunGroupModel), in the library's order, newest first, with a sweep placed by its newest run
// and its own runs in the plan's order (network, mode, level). Filtering matches the run's
// name, its settings, its sweep and folder (FilterTextRole), case-insensitively; a sweep stays
// listed while any of its runs matches, and a matching sweep name shows all of its runs.
// Nothing is filtered out until a filter is set.
class RunSortFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    explicit RunSortFilterModel(RunTableModel* runs, QObject* parent = nullptr);

    RunTableModel* runs() const { return m_runs; }
    RunGroupModel* groups() const { return m_groups; }
    // The run folder of a row of this model; empty for an invalid index or a sweep's row.
    QString directory(const QModelIndex& index) const;
    QModelIndex indexOf(const QString& directory, int column = 0) const;
    // The runs shown (not counting sweep rows).
    int runCount() const;

protected:
    bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

private:
    // The run that places a row: itself, or a sweep's newest run.
    const RunEntry* placing(const QModelIndex& sourceIndex) const;

    RunTableModel* m_runs;
    RunGroupModel* m_groups;
};

}  // namespace shatter
