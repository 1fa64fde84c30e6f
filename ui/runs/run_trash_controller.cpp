#include "runs/run_trash_controller.h"

#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <exception>

#include "runs/run_table_model.h"

namespace shatter {

RunTrashController::RunTrashController(RunTableModel* runs, QObject* parent)
    : QObject(parent), m_runs(runs) {}

bool RunTrashController::deleteRun(const QString& directory) {
    const RunEntry* entry = m_runs->entry(directory);
    if (!entry) return false;
    if (directory == m_runs->activeRun()) {
        Q_EMIT errorOccurred("“" + QString::fromStdString(entry->displayName) +
                             "” is training now: stop it first, then delete it.");
        return false;
    }
    if (entry->root == entry->directory) {
        Q_EMIT errorOccurred(QDir::toNativeSeparators(directory) +
                             " was added as a folder of its own: remove it from the library "
                             "instead (right-click › Remove folder from library).");
        return false;
    }
    try {
        m_undo.push_back({RunLibrary::moveToTrash(entry->root, entry->directory),
                          QString::fromStdString(entry->displayName), m_runs->isTicked(directory)});
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    Q_EMIT undoChanged();
    m_runs->refresh();
    return true;
}

QString RunTrashController::lastDeletedName() const {
    return m_undo.empty() ? QString() : m_undo.back().name;
}

bool RunTrashController::undo() {
    if (m_undo.empty()) return false;
    const Deleted deleted = m_undo.back();
    m_undo.pop_back();
    try {
        RunLibrary::restore(deleted.trashed);
    } catch (const std::exception& error) {
        Q_EMIT undoChanged();
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    Q_EMIT undoChanged();
    m_runs->refresh();
    if (!deleted.ticked) return true;
    // The restored folder may be spelled differently (a resolved link): match it by identity.
    const QFileInfo original(QString::fromStdString(deleted.trashed.originalDirectory));
    for (const RunEntry& entry : m_runs->entries()) {
        const QString directory = QString::fromStdString(entry.directory);
        if (QFileInfo(directory) == original) {
            m_runs->setTicked(directory, true);
            break;
        }
    }
    return true;
}

bool RunTrashController::restore(const RunLibrary::TrashedRun& trashed) {
    try {
        RunLibrary::restore(trashed);
    } catch (const std::exception& error) {
        Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        return false;
    }
    std::erase_if(m_undo, [&](const Deleted& deleted) {
        return deleted.trashed.trashDirectory == trashed.trashDirectory;
    });
    Q_EMIT undoChanged();
    m_runs->refresh();
    return true;
}

std::vector<RunLibrary::TrashedRun> RunTrashController::trashedRuns() const {
    std::vector<RunLibrary::TrashedRun> all;
    for (const QString& root : m_runs->roots()) {
        for (RunLibrary::TrashedRun& trashed : RunLibrary::trash(root.toStdString()))
            all.push_back(std::move(trashed));
    }
    return all;
}

void RunTrashController::emptyTrash() {
    for (const QString& root : m_runs->roots()) {
        try {
            RunLibrary::emptyTrash(root.toStdString());
        } catch (const std::exception& error) {
            Q_EMIT errorOccurred(QString::fromStdString(error.what()));
        }
    }
    m_undo.clear();
    Q_EMIT undoChanged();
}

}  // namespace shatter
