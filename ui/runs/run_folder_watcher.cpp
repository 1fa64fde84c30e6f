#include "runs/run_folder_watcher.h"

#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QTimer>

namespace shatter {

RunFolderWatcher::RunFolderWatcher(QObject* parent)
    : QObject(parent), m_watcher(new QFileSystemWatcher(this)), m_settle(new QTimer(this)) {
    m_settle->setSingleShot(true);
    m_settle->setInterval(kSettleMs);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, m_settle,
            qOverload<>(&QTimer::start));
    connect(m_settle, &QTimer::timeout, this, &RunFolderWatcher::changed);
}

void RunFolderWatcher::follow(const QStringList& roots, const std::vector<RunEntry>& entries) {
    const QStringList watched = m_watcher->directories();
    if (!watched.isEmpty()) m_watcher->removePaths(watched);
    QStringList paths;
    for (const QString& root : roots) {
        if (QFileInfo(root).isDir()) paths << root;
    }
    for (const RunEntry& entry : entries) {
        if (entry.sweep.empty()) continue;
        const QString sweep = QFileInfo(QString::fromStdString(entry.directory)).absolutePath();
        if (!paths.contains(sweep)) paths << sweep;
    }
    if (!paths.isEmpty()) m_watcher->addPaths(paths);
}

}  // namespace shatter
