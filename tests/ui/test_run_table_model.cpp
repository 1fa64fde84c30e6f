// The RUNS column's model without a window: rows from a runs folder in the library's order,
// ticks, rename through setData, runs handed in from memory, and the sorted, filterable view
// of them.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <fstream>
#include <memory>

#include "run/run_library.h"
#include "runs/run_palette.h"
#include "runs/run_sort_filter_model.h"
#include "runs/run_table_model.h"
#include "support/run_fixtures.h"

using namespace shatter;

namespace {

RunConfig config(int epochs) {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 500;
    config.testSize = 500;
    config.epochs = epochs;
    return config;
}

}  // namespace

class TestRunTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void listsTheRunsOfAFolderNewestFirst();
    void ticksOnlyReadableRuns();
    void renamesThroughSetData();
    void updateEntryReplacesOrInserts();
    void activeIncompleteRunReadsRunning();
    void sortedModelKeepsTheOrderAndFilters();

private:
    QString run(const QString& name) const { return m_root->path() + "/" + name; }

    std::unique_ptr<QTemporaryDir> m_root;
};

void TestRunTableModel::init() {
    m_root = std::make_unique<QTemporaryDir>();
    test::writeRunFolder(run("20260101-080000-older").toStdString(), config(4), 4, 1.0, 0.8,
                         "finished", "2026-01-01T08:00:00Z");
    test::writeRunFolder(run("20260102-080000-newer").toStdString(), config(6), 3, 0.5, 0.4,
                         "stopped", "2026-01-02T08:00:00Z");
    QDir().mkpath(run("20260103-080000-broken"));
    std::ofstream((run("20260103-080000-broken") + "/config.json").toStdString()) << "{ nope";
}

void TestRunTableModel::listsTheRunsOfAFolderNewestFirst() {
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoots({m_root->path()});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), RunTableModel::kColumnCount);
    QCOMPARE(model.index(0, 0).data(RunTableModel::DirectoryRole).toString(),
             run("20260102-080000-newer"));
    QCOMPARE(model.index(1, 0).data(RunTableModel::DirectoryRole).toString(),
             run("20260101-080000-older"));
    // The broken folder has no start time: last.
    const QModelIndex broken = model.indexOf(run("20260103-080000-broken"));
    QCOMPARE(broken.row(), 2);
    QCOMPARE(broken.data(RunTableModel::StatusRole).toString(), QString("unreadable"));
    QCOMPARE(broken.data(RunTableModel::ReadableRole).toBool(), false);
    QVERIFY(!(broken.flags() & Qt::ItemIsUserCheckable));

    const QString older = run("20260101-080000-older");
    QCOMPARE(model.indexOf(older).data().toString(), QString("older"));
    QCOMPARE(model.indexOf(older, RunTableModel::StatusColumn).data().toString(), QString("✓"));
    QCOMPARE(model.indexOf(older, RunTableModel::TrainColumn).data().toString(),
             QLocale().toString(100.0, 'f', 1));
    QCOMPARE(model.indexOf(older, RunTableModel::FitColumn).data().toString(), QString("4"));
    QCOMPARE(model.indexOf(older, RunTableModel::TrainColumn).data(RunTableModel::ColourRole),
             QVariant(RunPalette::colourFor(older)));
    QCOMPARE(model.headerData(RunTableModel::GapColumn, Qt::Horizontal).toString(), QString("gap"));

    // A folder gone and one come: rows follow, the others stay where they were.
    QDir(older).removeRecursively();
    test::writeRunFolder(run("20260104-080000-newest").toStdString(), config(2), 2, 0.3, 0.2,
                         std::nullopt, "2026-01-04T08:00:00Z");
    model.refresh();
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, 0).data().toString(), QString("newest"));
    QVERIFY(!model.entry(older));
}

void TestRunTableModel::ticksOnlyReadableRuns() {
    RunTableModel model;
    model.setRoots({m_root->path()});
    QSignalSpy changed(&model, &RunTableModel::comparisonChanged);
    const QString newer = run("20260102-080000-newer");
    const QString older = run("20260101-080000-older");
    QVERIFY(model.setData(model.indexOf(older), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.indexOf(newer), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(!model.setData(model.indexOf(run("20260103-080000-broken")), Qt::Checked,
                           Qt::CheckStateRole));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(model.tickedDirectories(), (QStringList{newer, older}));  // list order
    QCOMPARE(model.indexOf(older).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(model.tickedEntries().size(), std::size_t(2));

    model.setTicked({older, run("20260103-080000-broken"), "/nowhere"});
    QCOMPARE(model.tickedDirectories(), QStringList{older});
    QCOMPARE(model.indexOf(newer).data(Qt::CheckStateRole).toInt(), int(Qt::Unchecked));

    // A ticked run that is gone drops out of the comparison.
    QDir(older).removeRecursively();
    model.refresh();
    QCOMPARE(model.tickedCount(), 0);
}

void TestRunTableModel::renamesThroughSetData() {
    RunTableModel model;
    model.setRoots({m_root->path()});
    const QString older = run("20260101-080000-older");
    QVERIFY(model.setData(model.indexOf(older), "  baseline  "));
    QCOMPARE(model.indexOf(older).data().toString(), QString("baseline"));
    QCOMPARE(RunLibrary::read(older.toStdString()).displayName, std::string("baseline"));
    QVERIFY(model.indexOf(older).flags() & Qt::ItemIsEditable);
    QVERIFY(!(model.indexOf(older, RunTableModel::GapColumn).flags() & Qt::ItemIsEditable));

    // The folder's own name gives the name back to the folder.
    QVERIFY(model.setData(model.indexOf(older), "20260101-080000-older"));
    QCOMPARE(model.indexOf(older).data().toString(), QString("older"));

    // A broken folder cannot be renamed.
    QVERIFY(!model.setData(model.indexOf(run("20260103-080000-broken")), "x"));
}

void TestRunTableModel::updateEntryReplacesOrInserts() {
    RunTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoots({m_root->path()});
    const QString newer = run("20260102-080000-newer");
    model.setTicked(newer, true);
    QSignalSpy changed(&model, &RunTableModel::comparisonChanged);

    // Replaces the row, without reading the folder.
    RunEntry entry = *model.entry(newer);
    entry.record.epochs.resize(5);
    entry.record.summary.trainAcc = 0.75;
    entry.root.clear();
    model.updateEntry(entry);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.entry(newer)->epochCount(), 5);
    QCOMPARE(model.entry(newer)->root, m_root->path().toStdString());  // kept
    QCOMPARE(model.indexOf(newer, RunTableModel::TrainColumn).data().toString(),
             QLocale().toString(75.0, 'f', 1));
    QCOMPARE(changed.count(), 1);  // a ticked run's numbers changed
    QCOMPARE(RunLibrary::read(newer.toStdString()).epochCount(), 3);

    // Inserts a run the model has not seen, in the library's order; nothing is read.
    RunEntry fresh;
    fresh.directory = run("20260101-120000-fresh").toStdString();
    fresh.root = m_root->path().toStdString();
    fresh.folderName = "20260101-120000-fresh";
    fresh.displayName = "fresh";
    fresh.readable = true;
    fresh.record.info.startedAt = "2026-01-01T12:00:00Z";
    model.updateEntry(fresh);
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.rowOf(run("20260101-120000-fresh")), 1);
    QCOMPARE(model.index(1, 0).data().toString(), QString("fresh"));
}

void TestRunTableModel::activeIncompleteRunReadsRunning() {
    test::writeRunFolder(run("20260105-080000-live").toStdString(), config(9), 2, 0.3, 0.2,
                         std::nullopt, "2026-01-05T08:00:00Z");
    RunTableModel model;
    model.setRoots({m_root->path()});
    const QString live = run("20260105-080000-live");
    QCOMPARE(model.indexOf(live).data(RunTableModel::StatusRole).toString(), QString("incomplete"));
    QSignalSpy rows(&model, &RunTableModel::dataChanged);
    model.setActiveRun(live);
    QCOMPARE(rows.count(), 1);
    QCOMPARE(model.indexOf(live).data(RunTableModel::StatusRole).toString(), QString("running"));
    QCOMPARE(model.indexOf(live, RunTableModel::StatusColumn).data().toString(), QString("▶"));
    // A finished run stays finished while active.
    model.setActiveRun(run("20260101-080000-older"));
    QCOMPARE(model.indexOf(live).data(RunTableModel::StatusRole).toString(), QString("incomplete"));
    QCOMPARE(model.indexOf(run("20260101-080000-older")).data(RunTableModel::StatusRole),
             QVariant(QString("finished")));
}

void TestRunTableModel::sortedModelKeepsTheOrderAndFilters() {
    RunTableModel model;
    RunSortFilterModel sorted(&model);
    QAbstractItemModelTester tester(&sorted,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoots({m_root->path()});
    QCOMPARE(sorted.rowCount(), 3);
    QCOMPARE(sorted.directory(sorted.index(0, 0)), run("20260102-080000-newer"));

    // A run handed in from memory shows in its place.
    RunEntry newest;
    newest.directory = run("20260109-080000-newest").toStdString();
    newest.displayName = "newest";
    newest.record.info.startedAt = "2026-01-09T08:00:00Z";
    newest.readable = true;
    model.updateEntry(newest);
    QCOMPARE(sorted.directory(sorted.index(0, 0)), run("20260109-080000-newest"));
    QCOMPARE(sorted.indexOf(run("20260101-080000-older")).row(), 2);

    sorted.setFilterFixedString("OLD");
    QCOMPARE(sorted.rowCount(), 1);
    QCOMPARE(sorted.directory(sorted.index(0, 0)), run("20260101-080000-older"));
    QVERIFY(!sorted.indexOf(run("20260102-080000-newer")).isValid());
    sorted.setFilterFixedString({});
    QCOMPARE(sorted.rowCount(), 4);
}

QTEST_MAIN(TestRunTableModel)
#include "test_run_table_model.moc"
