#pragma once

#include <QSet>
#include <QStringList>
#include <QWidget>
#include <vector>

#include "run/run_entry.h"
#include "run/run_library.h"

class QFileSystemWatcher;
class QLabel;
class QPushButton;
class QSettings;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace shatter {

// The "RUNS" column: every run folder under the runs folder and under folders the user added
// (runs made elsewhere, e.g. on a GPU server), with status, final train/test accuracy, gap and
// epochs to fit, a colour swatch and a tick box for the comparison. Rename edits the name in
// place; delete moves the run into the root's trash and can be undone. The list follows new
// and removed folders by itself (a file watcher) and has a refresh button for runs a CLI is
// still writing.
class RunListPanel : public QWidget {
    Q_OBJECT

public:
    enum Column { NameColumn, StatusColumn, TrainColumn, TestColumn, GapColumn, FitColumn };

    explicit RunListPanel(QWidget* parent = nullptr);
    QSize sizeHint() const override;

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
    // Shows a listed run's entry as given (a run in progress, from memory); ignored when the
    // run is not listed.
    void updateRun(const RunEntry& entry);
    // The run the GUI is training now, shown as running; empty when none.
    void setActiveRun(const QString& directory);

    const std::vector<RunEntry>& entries() const { return m_entries; }
    const RunEntry* entry(const QString& directory) const;
    // The ticked runs in list order.
    std::vector<RunEntry> tickedEntries() const;
    QStringList tickedDirectories() const;
    void setTicked(const QStringList& directories);
    void setTicked(const QString& directory, bool ticked);
    QString selectedDirectory() const;

    // Errors go to errorOccurred.
    void renameRun(const QString& directory, const QString& name);
    bool deleteRun(const QString& directory);
    bool canUndoDelete() const { return !m_undo.empty(); }
    bool undoDelete();
    // Puts back a run deleted earlier, in this launch or before (RunLibrary::trash lists them).
    bool restoreDeleted(const RunLibrary::TrashedRun& trashed);
    // Removes the trash of every listed root for good.
    void emptyTrash();
    void openFolder(const QString& directory) const;

    void saveState(QSettings& settings) const;
    void restoreState(const QSettings& settings);

    QTreeWidget* tree() const { return m_tree; }
    QTreeWidgetItem* item(const QString& directory) const;
    QPushButton* undoButton() const { return m_undoButton; }
    QPushButton* compareButton() const { return m_compareButton; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

Q_SIGNALS:
    // The ticked runs changed, or their numbers did.
    void comparisonChanged();
    void compareRequested();
    void errorOccurred(const QString& message);

private:
    struct Deleted {
        RunLibrary::TrashedRun trashed;
        QString name;
        bool ticked = false;
    };

    QStringList roots() const;
    void rebuild();
    void fillItem(QTreeWidgetItem* item, const RunEntry& entry) const;
    void watchRoots();
    void onItemChanged(QTreeWidgetItem* item, int column);
    void showContextMenu(const QPoint& position);
    void chooseFolder();
    void startRename();
    void deleteSelected();
    void confirmEmptyTrash();
    void updateButtons();

    QString m_runsRoot;
    QStringList m_extraFolders;
    QString m_activeRun;
    std::vector<RunEntry> m_entries;
    QSet<QString> m_ticked;
    std::vector<Deleted> m_undo;
    bool m_filling = false;

    QTreeWidget* m_tree;
    QLabel* m_count;
    QPushButton* m_renameButton;
    QPushButton* m_deleteButton;
    QPushButton* m_openButton;
    QPushButton* m_compareButton;
    QLabel* m_undoLabel;
    QPushButton* m_undoButton;
    QWidget* m_undoBar;
    QFileSystemWatcher* m_watcher;
    QTimer* m_refreshTimer;
};

}  // namespace shatter
