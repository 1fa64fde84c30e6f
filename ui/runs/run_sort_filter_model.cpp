#include "runs/run_sort_filter_model.h"

#include "run/run_library.h"
#include "runs/run_table_model.h"

namespace shatter {

RunSortFilterModel::RunSortFilterModel(RunTableModel* runs, QObject* parent)
    : QSortFilterProxyModel(parent), m_runs(runs) {
    setSourceModel(runs);
    setFilterKeyColumn(RunTableModel::NameColumn);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
    sort(RunTableModel::NameColumn, Qt::AscendingOrder);
}

QString RunSortFilterModel::directory(const QModelIndex& index) const {
    return index.isValid() ? index.data(RunTableModel::DirectoryRole).toString() : QString();
}

QModelIndex RunSortFilterModel::indexOf(const QString& directory, int column) const {
    return mapFromSource(m_runs->indexOf(directory, column));
}

bool RunSortFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
    const auto& entries = m_runs->entries();
    return RunLibrary::listedBefore(entries[std::size_t(left.row())],
                                    entries[std::size_t(right.row())]);
}

}  // namespace shatter
