#pragma once

#include <QStringList>
#include <QWidget>
#include <vector>

#include "run/run_entry.h"

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace shatter {

class RunFolderWatcher;
class RunSortFilterModel;
class RunTableModel;
class RunTrashController;

// The "RUNS" column: every run folder under the runs folder and under folders the user added
// (runs made elsewhere, e.g. on a GPU server), with status, final train/test accuracy, gap and
// epochs to fit, a colour swatch and a tick box for the comparison. Rename edits the name in
// place (F2); delete moves the run into the root's trash and can be undone. The list follows
// new and removed folders by itself and has a refresh button for runs a CLI is still writing.
// The runs of a sweep are listed under a group row for the sweep, which folds; the filter box
// narrows the list to runs whose name, settings or sweep contain its text. Names use the
// column's whole width and are shortened in the middle only when they do not fit; the tooltip
// has the full name and settings. Colours follow the window's palette as soon as it changes.
// The runs live in a RunTableModel, shown newest first through a RunSortFilterModel; deleting
// goes through a RunTrashController.
class RunListPanel : public QWidget {
    Q_OBJECT

public:
    explicit RunListPanel(QWidget* parent = nullptr);
    QSize sizeHint() const override;

    RunTableModel* model() const { return m_model; }
    RunSortFilterModel* sortedModel() const { return m_sorted; }
    RunTrashController* trash() const { return m_trash; }

    // The runs folder of this machine: always listed, and where GUI runs appear.
    void setRunsRoot(const QString& root);
    QString runsRoot() const { return m_runsRoot; }
    // Folders of runs made elsewhere (or a single run folder); listed too.
    void addFolder(const QString& folder);
    void removeFolder(const QString& folder);
    void setExtraFolders(const QStringList& folders);
    QStringList extraFolders() const { return m_extraFolders; }

    // Reads every run again (keeps ticks and selection).
    void refresh();
    // Reads one run again (a run in progress after each epoch).
    void refreshRun(const QString& directory);
    // Shows a run as it is now, without reading its folder: replaces its row or adds one.
    void updateEntry(const RunEntry& entry);
    // The run the GUI is training now, shown as running; empty when none.
    void setActiveRun(const QString& directory);

    const std::vector<RunEntry>& entries() const;
    const RunEntry* entry(const QString& directory) const;
    // The ticked runs in list order.
    std::vector<RunEntry> tickedEntries() const;
    QStringList tickedDirectories() const;
    void setTicked(const QStringList& directories);
    void setTicked(const QString& directory, bool ticked);
    QString selectedDirectory() const;
    // Narrows the list as typing into the filter box does.
    void setFilterText(const QString& text);
    // Whether the sweep folder's group row is open.
    bool isSweepExpanded(const QString& sweepFolder) const;
    void setSweepExpanded(const QString& sweepFolder, bool expanded);

    // The added folders and the ticked runs, in the application settings.
    void saveState() const;
    void restoreState();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

Q_SIGNALS:
    // The ticked runs changed, or their numbers did.
    void comparisonChanged();
    void compareRequested();
    // "Replay" on a run's row.
    void replayRequested(const QString& directory);
    void errorOccurred(const QString& message);

private:
    QStringList roots() const;
    void libraryChanged();
    void openFolder(const QString& directory) const;
    void showContextMenu(const QPoint& position);
    void chooseFolder();
    void startRename();
    void deleteSelected();
    void confirmEmptyTrash();
    void updateUndoBar();
    void updateCount();
    void updateButtons();
    // Opens the sweep rows the user has not closed and lets their names span the row.
    void applyGroupRows();
    // Hides the fit and gap columns while the column is too narrow for the names.
    void fitColumns();

    QString m_runsRoot;
    QStringList m_extraFolders;

    RunTableModel* m_model;
    RunSortFilterModel* m_sorted;
    RunTrashController* m_trash;
    RunFolderWatcher* m_watcher;

    QTreeView* m_view;
    QLineEdit* m_filter;
    QLabel* m_count;
    QStringList m_closedSweeps;
    QPushButton* m_renameButton;
    QPushButton* m_deleteButton;
    QPushButton* m_openButton;
    QPushButton* m_compareButton;
    QLabel* m_undoLabel;
    QPushButton* m_undoButton;
    QWidget* m_undoBar;
};

}  // namespace shatter
