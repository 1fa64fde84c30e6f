#pragma once

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QSet>
#include <QStringList>
#include <vector>

#include "run/run_colour_slots.h"
#include "run/run_entry.h"

namespace shatter {

// The runs of the RUNS column, one row per run folder in the library's order (newest first):
// name, status, final train/test accuracy, gap and epochs to fit. Readable runs can be ticked
// for the comparison (Qt::CheckStateRole on the name) and renamed (setData on the name writes
// config.json through RunLibrary). The model reads the run folders under its roots; a run in
// progress can also be handed in from memory with updateEntry.
// No two rows share a name (RunNaming) or a colour and line style (RunColourSlots over
// RunPalette): a run keeps its colour while it is listed, and the comparison draws it in it.
class RunTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, TrainColumn, TestColumn, GapColumn, FitColumn };
    static constexpr int kColumnCount = FitColumn + 1;

    enum Role {
        DirectoryRole = Qt::UserRole + 1,  // the run folder (QString), on every column
        StatusRole,                        // "finished", ..., "running", "unreadable"
        ColourRole,                        // the run's colour in the list and the plots
        ReadableRole,                      // false for a folder that could not be read
        LineStyleRole,                     // the run's line style index (RunPalette::dash)
        SweepRole,                         // the sweep folder's name; empty outside a sweep
        SweepFolderRole,                   // the sweep folder; empty outside a sweep
        FilterTextRole,                    // name, settings, sweep and folder, for the filter
        GroupRole,                         // true on a sweep's group row (RunGroupModel)
    };

    explicit RunTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // The folders listed: runs folders, folders of runs, single run folders.
    void setRoots(const QStringList& roots);
    const QStringList& roots() const { return m_roots; }
    // Reads every run under the roots again; keeps the ticks of runs still there.
    void refresh();
    // Reads one run again; false when it is not listed.
    bool refreshEntry(const QString& directory);
    // Takes a run as it is now without reading its folder: replaces the row of that folder,
    // or inserts one in the library's order. A sweep name or root the entry lacks is kept.
    void updateEntry(const RunEntry& entry);

    const std::vector<RunEntry>& entries() const { return m_entries; }
    const RunEntry* entry(const QString& directory) const;
    int rowOf(const QString& directory) const;
    QModelIndex indexOf(const QString& directory, int column = NameColumn) const;

    // The run the GUI is training now, shown as running while incomplete; empty when none.
    void setActiveRun(const QString& directory);
    // What a scheduler says about runs other processes are writing (a Slurm sweep's points):
    // run folder -> point state ("running", "cancelled", ...) and its task ("12_3"). An
    // incomplete run shows that state instead of "incomplete".
    void setSchedulerStates(const QHash<QString, QString>& states,
                            const QHash<QString, QString>& tasks);
    const QString& activeRun() const { return m_activeRun; }

    bool isTicked(const QString& directory) const { return m_ticked.contains(directory); }
    int tickedCount() const { return int(m_ticked.size()); }
    // The ticked runs in list order.
    std::vector<RunEntry> tickedEntries() const;
    QStringList tickedDirectories() const;
    // Unreadable or unlisted folders are left out.
    void setTicked(const QStringList& directories);
    void setTicked(const QString& directory, bool ticked);

    // Sets the run's name in its config.json; an empty name goes back to the folder name.
    // Errors go to errorOccurred.
    bool rename(const QString& directory, const QString& name);

    // The application palette changed (dark theme): colours that follow it are drawn again.
    void paletteChanged();
    // The colour slot of a listed run (RunPalette); -1 when it is not listed.
    int colourSlot(const QString& directory) const;

Q_SIGNALS:
    // The ticked runs changed, or the numbers of a ticked run did.
    void comparisonChanged();
    // Every run was read again (refresh).
    void refreshed();
    void errorOccurred(const QString& message);

private:
    void setEntries(std::vector<RunEntry> entries);
    void replaceRow(int row, RunEntry entry);
    void insertRow(int row, RunEntry entry);
    void removeRowAt(int row);
    void emitRowChanged(int row);
    // Names told apart and colour slots kept after rows came or went; rows that changed are
    // reported.
    void relabel();
    QString statusOf(const RunEntry& entry) const;
    QIcon swatch(int slot) const;

    QStringList m_roots;
    std::vector<RunEntry> m_entries;
    QSet<QString> m_ticked;
    QString m_activeRun;
    QHash<QString, QString> m_schedulerStates;
    QHash<QString, QString> m_schedulerTasks;
    RunColourSlots m_slots;
    mutable QHash<int, QIcon> m_swatches;
};

}  // namespace shatter
