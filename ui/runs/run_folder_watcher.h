#pragma once

#include <QObject>
#include <QStringList>
#include <vector>

#include "run/run_entry.h"

class QFileSystemWatcher;
class QTimer;

namespace shatter {

// Watches the library's roots and the sweep folders in them for run folders coming and going,
// and reports once a burst of changes has settled (a run being written touches its folder
// many times).
class RunFolderWatcher : public QObject {
    Q_OBJECT

public:
    static constexpr int kSettleMs = 400;

    explicit RunFolderWatcher(QObject* parent = nullptr);

    // Watches these roots, and the sweep folders of these runs, instead of the earlier ones.
    void follow(const QStringList& roots, const std::vector<RunEntry>& entries);

Q_SIGNALS:
    void changed();

private:
    QFileSystemWatcher* m_watcher;
    QTimer* m_settle;
};

}  // namespace shatter
