#pragma once

#include <QAbstractProxyModel>
#include <QPersistentModelIndex>
#include <memory>
#include <vector>

namespace shatter {

class RunTableModel;

// The RUNS list as a tree over the flat RunTableModel: the runs of a sweep folder hang under
// one group row named after the sweep (GroupRole true, no run of its own), every other run is a
// top-level row. Rows follow the table row by row, so views keep their selection and which
// groups are open; the order is the sort model's to choose.
class RunGroupModel : public QAbstractProxyModel {
    Q_OBJECT

public:
    explicit RunGroupModel(RunTableModel* runs, QObject* parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

    // Whether a row of this model is a sweep's group row.
    static bool isGroup(const QModelIndex& index);

private:
    struct Group {
        QString folder;  // the sweep folder
        QString name;    // its name
        std::vector<QPersistentModelIndex> runs;
    };
    struct Item {
        std::unique_ptr<Group> group;  // a sweep, or
        QPersistentModelIndex run;     // a run outside any sweep
    };

    void rebuild();
    void add(int sourceRow, bool notify);
    void remove(int sourceRow);
    int groupRow(const Group* group) const;
    QVariant groupData(const Group& group, int column, int role) const;

    RunTableModel* m_runs;
    std::vector<Item> m_items;
};

}  // namespace shatter
