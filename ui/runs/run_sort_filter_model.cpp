#include "runs/run_sort_filter_model.h"

#include <tuple>

#include "run/run_library.h"
#include "runs/run_group_model.h"
#include "runs/run_table_model.h"

namespace shatter {

RunSortFilterModel::RunSortFilterModel(RunTableModel* runs, QObject* parent)
    : QSortFilterProxyModel(parent), m_runs(runs), m_groups(new RunGroupModel(runs, this)) {
    setSourceModel(m_groups);
    setFilterKeyColumn(RunTableModel::NameColumn);
    setFilterRole(RunTableModel::FilterTextRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
    setDynamicSortFilter(true);
    sort(RunTableModel::NameColumn, Qt::AscendingOrder);
}

QString RunSortFilterModel::directory(const QModelIndex& index) const {
    return index.isValid() ? index.data(RunTableModel::DirectoryRole).toString() : QString();
}

QModelIndex RunSortFilterModel::indexOf(const QString& directory, int column) const {
    return mapFromSource(m_groups->mapFromSource(m_runs->indexOf(directory, column)));
}

int RunSortFilterModel::runCount() const {
    int count = 0;
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex item = index(row, 0);
        count += RunGroupModel::isGroup(item) ? rowCount(item) : 1;
    }
    return count;
}

const RunEntry* RunSortFilterModel::placing(const QModelIndex& sourceIndex) const {
    if (!RunGroupModel::isGroup(sourceIndex))
        return m_runs->entry(sourceIndex.data(RunTableModel::DirectoryRole).toString());
    const RunEntry* newest = nullptr;
    for (int row = 0; row < m_groups->rowCount(sourceIndex.siblingAtColumn(0)); ++row) {
        const QModelIndex child = m_groups->index(row, 0, sourceIndex.siblingAtColumn(0));
        const RunEntry* entry = m_runs->entry(child.data(RunTableModel::DirectoryRole).toString());
        if (entry && (!newest || RunLibrary::listedBefore(*entry, *newest))) newest = entry;
    }
    return newest;
}

bool RunSortFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const RunEntry* a = placing(left);
    const RunEntry* b = placing(right);
    if (!a || !b) return a != nullptr;
    // A sweep's runs in its plan's order: by network, mode (the baseline first) and level;
    // everything else newest first.
    if (left.parent().isValid()) {
        const RunConfig& x = a->config();
        const RunConfig& y = b->config();
        const auto planned = [](const RunConfig& c) {
            return std::make_tuple(c.model, int(c.corruption), c.effectiveLevel());
        };
        if (a->readable && b->readable && planned(x) != planned(y)) return planned(x) < planned(y);
        return RunLibrary::listedBefore(*b, *a);
    }
    return RunLibrary::listedBefore(*a, *b);
}

}  // namespace shatter
