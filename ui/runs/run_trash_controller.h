#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "run/run_library.h"

namespace shatter {

class RunTableModel;

// Deleting runs of a RunTableModel: a deleted run moves into its root's trash (RunLibrary) and
// out of the list and the comparison; undo puts the last one back, ticked again if it was.
// The run the GUI is training cannot be deleted, nor a run folder added as a root of its own.
class RunTrashController : public QObject {
    Q_OBJECT

public:
    explicit RunTrashController(RunTableModel* runs, QObject* parent = nullptr);

    // False, with the reason in errorOccurred, when the run is not deleted.
    bool deleteRun(const QString& directory);
    bool canUndo() const { return !m_undo.empty(); }
    // The name of the run the next undo puts back; empty when none.
    QString lastDeletedName() const;
    bool undo();
    // Puts back a run deleted earlier, in this launch or before.
    bool restore(const RunLibrary::TrashedRun& trashed);
    // The runs in the trash of every root, in each root most recently deleted last.
    std::vector<RunLibrary::TrashedRun> trashedRuns() const;
    // Removes the trash of every root for good.
    void emptyTrash();

Q_SIGNALS:
    // canUndo or lastDeletedName changed.
    void undoChanged();
    void errorOccurred(const QString& message);

private:
    struct Deleted {
        RunLibrary::TrashedRun trashed;
        QString name;
        bool ticked = false;
    };

    RunTableModel* m_runs;
    std::vector<Deleted> m_undo;
};

}  // namespace shatter
