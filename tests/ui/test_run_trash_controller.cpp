// Deleting runs from the RUNS column without a window: into the root's trash and out of the
// list and the comparison, undo, restoring a run deleted earlier, emptying the trash, and the
// runs that must not be deleted.
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

#include "run/run_library.h"
#include "runs/run_table_model.h"
#include "runs/run_trash_controller.h"
#include "support/run_fixtures.h"

using namespace shatter;

namespace {

RunConfig config() {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 500;
    config.testSize = 500;
    config.epochs = 3;
    return config;
}

}  // namespace

class TestRunTrashController : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void deleteAndUndo();
    void restoreAndEmptyTrash();
    void refusesTheRunInTraining();
    void refusesAFolderAddedAsARoot();

private:
    QString run(const QString& name) const { return m_root->path() + "/" + name; }

    std::unique_ptr<QTemporaryDir> m_root;
    std::unique_ptr<RunTableModel> m_runs;
};

void TestRunTrashController::init() {
    m_root = std::make_unique<QTemporaryDir>();
    test::writeRunFolder(run("20260101-080000-a").toStdString(), config(), 3, 1.0, 0.8, "finished",
                         "2026-01-01T08:00:00Z");
    test::writeRunFolder(run("20260102-080000-b").toStdString(), config(), 3, 0.9, 0.7, "finished",
                         "2026-01-02T08:00:00Z");
    m_runs = std::make_unique<RunTableModel>();
    m_runs->setRoots({m_root->path()});
}

void TestRunTrashController::deleteAndUndo() {
    RunTrashController trash(m_runs.get());
    QSignalSpy undoChanged(&trash, &RunTrashController::undoChanged);
    const QString a = run("20260101-080000-a");
    const QString b = run("20260102-080000-b");
    m_runs->setTicked(QStringList{a, b});
    QVERIFY(!trash.canUndo());

    QVERIFY(trash.deleteRun(a));
    QVERIFY(!QDir(a).exists());
    QCOMPARE(m_runs->rowCount(), 1);
    QCOMPARE(m_runs->tickedDirectories(), QStringList{b});
    QVERIFY(trash.canUndo());
    QCOMPARE(trash.lastDeletedName(), QString("a"));
    QCOMPARE(undoChanged.count(), 1);
    QCOMPARE(int(trash.trashedRuns().size()), 1);

    QVERIFY(trash.undo());
    QVERIFY(QDir(a).exists());
    QCOMPARE(m_runs->rowCount(), 2);
    QCOMPARE(m_runs->tickedDirectories(), (QStringList{b, a}));  // ticked again
    QVERIFY(!trash.canUndo());
    QVERIFY(!trash.undo());
}

void TestRunTrashController::restoreAndEmptyTrash() {
    const QString a = run("20260101-080000-a");
    {
        RunTrashController earlier(m_runs.get());
        QVERIFY(earlier.deleteRun(a));
    }
    // The next launch: nothing to undo, but the trash still holds the run.
    RunTrashController trash(m_runs.get());
    QVERIFY(!trash.canUndo());
    const std::vector<RunLibrary::TrashedRun> trashed = trash.trashedRuns();
    QCOMPARE(int(trashed.size()), 1);
    QVERIFY(trash.restore(trashed[0]));
    QVERIFY(m_runs->entry(a));

    QVERIFY(trash.deleteRun(run("20260102-080000-b")));
    trash.emptyTrash();
    QVERIFY(!QDir(m_root->path() + "/" + RunLibrary::kTrashFolder).exists());
    QVERIFY(!trash.canUndo());
    QCOMPARE(m_runs->rowCount(), 1);
}

void TestRunTrashController::refusesTheRunInTraining() {
    RunTrashController trash(m_runs.get());
    QSignalSpy errors(&trash, &RunTrashController::errorOccurred);
    const QString b = run("20260102-080000-b");
    m_runs->setActiveRun(b);
    QVERIFY(!trash.deleteRun(b));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains("training now"));
    QVERIFY(QDir(b).exists());
    QVERIFY(!trash.canUndo());
    QVERIFY(!trash.deleteRun(run("not-listed")));
}

void TestRunTrashController::refusesAFolderAddedAsARoot() {
    const QString a = run("20260101-080000-a");
    RunTableModel single;
    single.setRoots({a});
    RunTrashController trash(&single);
    QSignalSpy errors(&trash, &RunTrashController::errorOccurred);
    QVERIFY(!trash.deleteRun(a));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains("Remove folder from library"));
    QVERIFY(QDir(a).exists());
}

QTEST_MAIN(TestRunTrashController)
#include "test_run_trash_controller.moc"
