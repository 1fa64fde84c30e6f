#include "runs/run_group_model.h"

#include <QApplication>
#include <QDir>
#include <QFont>
#include <QStyle>

#include "runs/run_table_model.h"

namespace shatter {

RunGroupModel::RunGroupModel(RunTableModel* runs, QObject* parent)
    : QAbstractProxyModel(parent), m_runs(runs) {
    QAbstractProxyModel::setSourceModel(runs);
    connect(runs, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                for (int row = first; row <= last; ++row) add(row, true);
            });
    connect(runs, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) {
                for (int row = last; row >= first; --row) remove(row);
            });
    connect(runs, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex& topLeft, const QModelIndex& bottomRight,
                   const QList<int>& roles) {
                for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
                    const QModelIndex first = mapFromSource(m_runs->index(row, topLeft.column()));
                    if (!first.isValid()) continue;
                    Q_EMIT dataChanged(first, first.siblingAtColumn(bottomRight.column()), roles);
                    // The group row counts its runs' states.
                    if (first.parent().isValid())
                        Q_EMIT dataChanged(first.parent(),
                                           first.parent().siblingAtColumn(columnCount() - 1));
                }
            });
    connect(runs, &QAbstractItemModel::headerDataChanged, this,
            &QAbstractItemModel::headerDataChanged);
    connect(runs, &QAbstractItemModel::modelAboutToBeReset, this,
            [this]() { beginResetModel(); });
    connect(runs, &QAbstractItemModel::modelReset, this, [this]() {
        rebuild();
        endResetModel();
    });
    // The table never moves rows; should it reorder them, the tree is built again.
    connect(runs, &QAbstractItemModel::layoutChanged, this, [this]() {
        beginResetModel();
        rebuild();
        endResetModel();
    });
    rebuild();
}

bool RunGroupModel::isGroup(const QModelIndex& index) {
    return index.isValid() && index.data(RunTableModel::GroupRole).toBool();
}

void RunGroupModel::rebuild() {
    m_items.clear();
    for (int row = 0; row < m_runs->rowCount(); ++row) add(row, false);
}

int RunGroupModel::groupRow(const Group* group) const {
    for (std::size_t row = 0; row < m_items.size(); ++row) {
        if (m_items[row].group.get() == group) return int(row);
    }
    return -1;
}

void RunGroupModel::add(int sourceRow, bool notify) {
    const QModelIndex source = m_runs->index(sourceRow, 0);
    const QString folder = source.data(RunTableModel::SweepFolderRole).toString();
    if (folder.isEmpty()) {
        const int row = int(m_items.size());
        if (notify) beginInsertRows({}, row, row);
        m_items.push_back({nullptr, QPersistentModelIndex(source)});
        if (notify) endInsertRows();
        return;
    }
    for (std::size_t row = 0; row < m_items.size(); ++row) {
        Group* group = m_items[row].group.get();
        if (!group || group->folder != folder) continue;
        const int child = int(group->runs.size());
        const QModelIndex parent = index(int(row), 0);
        if (notify) beginInsertRows(parent, child, child);
        group->runs.emplace_back(source);
        if (notify) {
            endInsertRows();
            Q_EMIT dataChanged(parent, parent.siblingAtColumn(columnCount() - 1));
        }
        return;
    }
    auto group = std::make_unique<Group>();
    group->folder = folder;
    group->name = source.data(RunTableModel::SweepRole).toString();
    group->runs.emplace_back(source);
    const int row = int(m_items.size());
    if (notify) beginInsertRows({}, row, row);
    m_items.push_back({std::move(group), QPersistentModelIndex()});
    if (notify) endInsertRows();
}

void RunGroupModel::remove(int sourceRow) {
    for (std::size_t row = 0; row < m_items.size(); ++row) {
        Item& item = m_items[row];
        if (!item.group) {
            if (item.run.row() != sourceRow) continue;
            beginRemoveRows({}, int(row), int(row));
            m_items.erase(m_items.begin() + std::ptrdiff_t(row));
            endRemoveRows();
            return;
        }
        auto& runs = item.group->runs;
        for (std::size_t child = 0; child < runs.size(); ++child) {
            if (runs[child].row() != sourceRow) continue;
            if (runs.size() == 1) {  // the sweep's last run: the group goes too
                beginRemoveRows({}, int(row), int(row));
                m_items.erase(m_items.begin() + std::ptrdiff_t(row));
                endRemoveRows();
                return;
            }
            const QModelIndex parent = index(int(row), 0);
            beginRemoveRows(parent, int(child), int(child));
            runs.erase(runs.begin() + std::ptrdiff_t(child));
            endRemoveRows();
            Q_EMIT dataChanged(parent, parent.siblingAtColumn(columnCount() - 1));
            return;
        }
    }
}

QModelIndex RunGroupModel::index(int row, int column, const QModelIndex& parent) const {
    if (row < 0 || column < 0 || column >= columnCount()) return {};
    if (!parent.isValid()) {
        return row < int(m_items.size()) ? createIndex(row, column, nullptr) : QModelIndex();
    }
    if (parent.internalPointer() != nullptr || parent.column() != 0) return {};
    const Group* group = m_items[std::size_t(parent.row())].group.get();
    if (!group || row >= int(group->runs.size())) return {};
    return createIndex(row, column, const_cast<Group*>(group));
}

QModelIndex RunGroupModel::parent(const QModelIndex& child) const {
    if (!child.isValid() || child.internalPointer() == nullptr) return {};
    const int row = groupRow(static_cast<const Group*>(child.internalPointer()));
    return row < 0 ? QModelIndex() : createIndex(row, 0, nullptr);
}

QModelIndex RunGroupModel::sibling(int row, int column, const QModelIndex& index) const {
    return index.isValid() ? this->index(row, column, parent(index)) : QModelIndex();
}

int RunGroupModel::rowCount(const QModelIndex& parent) const {
    if (!parent.isValid()) return int(m_items.size());
    if (parent.internalPointer() != nullptr || parent.column() != 0) return 0;
    const Group* group = m_items[std::size_t(parent.row())].group.get();
    return group ? int(group->runs.size()) : 0;
}

int RunGroupModel::columnCount(const QModelIndex&) const { return RunTableModel::kColumnCount; }

bool RunGroupModel::hasChildren(const QModelIndex& parent) const { return rowCount(parent) > 0; }

QModelIndex RunGroupModel::mapToSource(const QModelIndex& proxyIndex) const {
    if (!proxyIndex.isValid()) return {};
    QPersistentModelIndex run;
    if (const auto* group = static_cast<const Group*>(proxyIndex.internalPointer())) {
        run = group->runs[std::size_t(proxyIndex.row())];
    } else {
        run = m_items[std::size_t(proxyIndex.row())].run;
    }
    return run.isValid() ? m_runs->index(run.row(), proxyIndex.column()) : QModelIndex();
}

QModelIndex RunGroupModel::mapFromSource(const QModelIndex& sourceIndex) const {
    if (!sourceIndex.isValid()) return {};
    const int sourceRow = sourceIndex.row();
    for (std::size_t row = 0; row < m_items.size(); ++row) {
        const Item& item = m_items[row];
        if (!item.group) {
            if (item.run.row() == sourceRow) return createIndex(int(row), sourceIndex.column(), nullptr);
            continue;
        }
        for (std::size_t child = 0; child < item.group->runs.size(); ++child) {
            if (item.group->runs[child].row() == sourceRow)
                return createIndex(int(child), sourceIndex.column(), item.group.get());
        }
    }
    return {};
}

QVariant RunGroupModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    if (index.internalPointer() == nullptr) {
        if (const Group* group = m_items[std::size_t(index.row())].group.get())
            return groupData(*group, index.column(), role);
    }
    return QAbstractProxyModel::data(index, role);
}

QVariant RunGroupModel::groupData(const Group& group, int column, int role) const {
    const int count = int(group.runs.size());
    switch (role) {
        case RunTableModel::GroupRole:
            return true;
        case RunTableModel::SweepRole:
            return group.name;
        case RunTableModel::SweepFolderRole:
            return group.folder;
        case RunTableModel::FilterTextRole:
            return group.name;
        default:
            break;
    }
    if (column != RunTableModel::NameColumn) return {};
    if (role == Qt::DisplayRole) {
        return QString("%1 · %2").arg(group.name, count == 1 ? QString("1 run")
                                                              : QString("%1 runs").arg(count));
    }
    if (role == Qt::DecorationRole) return QApplication::style()->standardIcon(QStyle::SP_DirIcon);
    if (role == Qt::FontRole) {
        QFont bold = QApplication::font();
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole) {
        int finished = 0;
        for (const QPersistentModelIndex& run : group.runs) {
            if (run.data(RunTableModel::StatusRole).toString() == "finished") ++finished;
        }
        return QString("<b>Sweep %1</b><br>%2 of %3 runs finished<br>%4")
            .arg(group.name.toHtmlEscaped())
            .arg(finished)
            .arg(count)
            .arg(QDir::toNativeSeparators(group.folder).toHtmlEscaped());
    }
    return {};
}

bool RunGroupModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!mapToSource(index).isValid()) return false;
    return QAbstractProxyModel::setData(index, value, role);
}

Qt::ItemFlags RunGroupModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    const QModelIndex source = mapToSource(index);
    if (!source.isValid()) return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return m_runs->flags(source);
}

QVariant RunGroupModel::headerData(int section, Qt::Orientation orientation, int role) const {
    return m_runs->headerData(section, orientation, role);
}

}  // namespace shatter
