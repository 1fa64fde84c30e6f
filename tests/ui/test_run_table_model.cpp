// The RUNS column's model without a window: rows from a runs folder in the library's order,
// ticks, rename through setData, runs handed in from memory, and the sorted, filterable view
// of them.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "run/run_library.h"
#include "runs/run_group_model.h"
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

RunConfig seeded(int seed) {
    RunConfig c = config(4);
    c.corruption = CorruptionMode::Labels;
    c.level = 1.0;
    c.seed = std::uint64_t(seed);
    return c;
}

// WCAG 2 contrast ratio of two colours.
double contrast(const QColor& a, const QColor& b) {
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) {
            return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
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
    void sameSettingsRunsGetNamesOfTheirOwn();
    void listedRunsNeverShareAColourAndLineStyle();
    void sweepRunsAreGroupedUnderTheirSweep();
    void theFilterNarrowsByNameSettingsAndSweep();
    void statusColoursReadOnTheDarkPalette();

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
             QVariant(RunPalette::colour(model.colourSlot(older))));
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

// Three runs of one default name used to read "mlp-1x512-labels-100" three times.
void TestRunTableModel::sameSettingsRunsGetNamesOfTheirOwn() {
    QTemporaryDir root;
    const std::string r = root.path().toStdString();
    for (int i = 0; i < 3; ++i)
        test::writeRunFolder(r + "/2026010" + std::to_string(i + 1) + "-080000-mlp-1x512-labels-100",
                             seeded(1), 4, 1.0, 0.1, "finished",
                             "2026-01-0" + std::to_string(i + 1) + "T08:00:00Z");
    RunTableModel model;
    model.setRoots({root.path()});
    QCOMPARE(model.rowCount(), 3);
    QSet<QString> names;
    for (int row = 0; row < 3; ++row) {
        const QString name = model.index(row, 0).data().toString();
        QVERIFY2(name.startsWith("mlp-1x512-labels-100"), qPrintable(name));
        names.insert(name);
        // The tooltip has the full name and the settings.
        const QString tip = model.index(row, 0).data(Qt::ToolTipRole).toString();
        QVERIFY(tip.contains(name.toHtmlEscaped()));
        QVERIFY(tip.contains("seed 1"));
    }
    QCOMPARE(names.size(), 3);

    // A run handed in from memory with the same name gets one of its own too.
    RunEntry fresh;
    fresh.directory = (root.path() + "/20260109-080000-mlp-1x512-labels-100").toStdString();
    fresh.displayName = "mlp-1x512-labels-100";
    fresh.readable = true;
    fresh.record.config = seeded(2);
    fresh.record.info.startedAt = "2026-01-09T08:00:00Z";
    model.updateEntry(fresh);
    names.clear();
    for (int row = 0; row < model.rowCount(); ++row) names.insert(model.index(row, 0).data().toString());
    QCOMPARE(names.size(), 4);
    QVERIFY(names.contains("mlp-1x512-labels-100 · seed 2"));
}

// Four runs used to share one light blue: colours came from a hash of the folder name.
void TestRunTableModel::listedRunsNeverShareAColourAndLineStyle() {
    QTemporaryDir root;
    const int count = RunPalette::kColours + 5;
    for (int i = 0; i < count; ++i) {
        char folder[64];
        std::snprintf(folder, sizeof folder, "/20260101-%02d0000-run", i);
        char started[32];
        std::snprintf(started, sizeof started, "2026-01-01T%02d:00:00Z", i);
        test::writeRunFolder(root.path().toStdString() + folder, seeded(i), 4, 1.0, 0.1,
                             "finished", started);
    }
    RunTableModel model;
    model.setRoots({root.path()});
    QCOMPARE(model.rowCount(), count);
    auto looks = [&model]() {
        QHash<QString, QPair<QRgb, int>> byRun;
        QSet<QPair<QRgb, int>> distinct;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row, 0);
            const QPair<QRgb, int> look{index.data(RunTableModel::ColourRole).value<QColor>().rgb(),
                                        index.data(RunTableModel::LineStyleRole).toInt()};
            byRun.insert(index.data(RunTableModel::DirectoryRole).toString(), look);
            distinct.insert(look);
        }
        return std::make_pair(byRun, distinct.size());
    };
    const auto [before, distinct] = looks();
    QCOMPARE(int(distinct), count);
    // The palette's colours first, solid; then the same colours with another line style.
    QSet<QRgb> solid;
    for (const auto& look : before) {
        if (look.second == 0) solid.insert(look.first);
    }
    QCOMPARE(int(solid.size()), RunPalette::kColours);

    // A new run takes a free look; every other run keeps its own.
    RunEntry fresh;
    fresh.directory = (root.path() + "/20260102-080000-fresh").toStdString();
    fresh.displayName = "fresh";
    fresh.readable = true;
    fresh.record.info.startedAt = "2026-01-02T08:00:00Z";
    model.updateEntry(fresh);
    const auto [after, distinctAfter] = looks();
    QCOMPARE(int(distinctAfter), count + 1);
    for (auto it = before.begin(); it != before.end(); ++it) QCOMPARE(after.value(it.key()), it.value());
    // The comparison draws the ticked runs in the same colours.
    model.setTicked({QString::fromStdString(fresh.directory)});
    QCOMPARE(RunPalette::colour(model.tickedEntries().front().colourSlot).rgb(),
             after.value(QString::fromStdString(fresh.directory)).first);
}

namespace {

// Two runs of their own and a sweep of three: baseline, labels 50%, labels 100%.
void writeLibraryWithSweep(const QString& root) {
    const std::string r = root.toStdString();
    test::writeRunFolder(r + "/20260101-080000-alone", seeded(1), 4, 1.0, 0.8, "finished",
                         "2026-01-01T08:00:00Z");
    test::writeRunFolder(r + "/20260105-080000-latest", seeded(1), 4, 1.0, 0.8, "finished",
                         "2026-01-05T08:00:00Z");
    const std::string sweep = r + "/sweep-20260103-090000";
    RunConfig baseline = config(4);
    RunConfig half = seeded(1);
    half.level = 0.5;
    RunConfig gaussian = seeded(1);
    gaussian.corruption = CorruptionMode::Gaussian;
    test::writeRunFolder(sweep + "/mlp-1x512-none", baseline, 4, 1.0, 0.8, "finished",
                         "2026-01-03T09:00:00Z");
    test::writeRunFolder(sweep + "/mlp-1x512-labels-50", half, 4, 1.0, 0.5, "finished",
                         "2026-01-03T09:10:00Z");
    test::writeRunFolder(sweep + "/mlp-1x512-gaussian-100", gaussian, 4, 1.0, 0.1, "finished",
                         "2026-01-03T09:20:00Z");
}

}  // namespace

void TestRunTableModel::sweepRunsAreGroupedUnderTheirSweep() {
    QTemporaryDir root;
    writeLibraryWithSweep(root.path());
    RunTableModel model;
    RunSortFilterModel sorted(&model);
    QAbstractItemModelTester groupTester(sorted.groups(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoots({root.path()});
    QCOMPARE(model.rowCount(), 5);
    // Top level: the newest run, the sweep (placed by its newest run), the oldest run.
    QCOMPARE(sorted.rowCount(), 3);
    QCOMPARE(sorted.directory(sorted.index(0, 0)), root.path() + "/20260105-080000-latest");
    const QModelIndex group = sorted.index(1, 0);
    QVERIFY(RunGroupModel::isGroup(group));
    QVERIFY(group.data().toString().startsWith("sweep-20260103-090000"));
    QVERIFY(sorted.directory(group).isEmpty());  // no run of its own: nothing to delete or tick
    QVERIFY(!(group.flags() & Qt::ItemIsUserCheckable));
    QCOMPARE(sorted.rowCount(group), 3);
    // Its runs in the plan's order: the baseline, then by mode and level.
    const QString sweep = root.path() + "/sweep-20260103-090000";
    QCOMPARE(sorted.directory(sorted.index(0, 0, group)), sweep + "/mlp-1x512-none");
    QCOMPARE(sorted.directory(sorted.index(2, 0, group)), sweep + "/mlp-1x512-gaussian-100");
    QCOMPARE(sorted.indexOf(sweep + "/mlp-1x512-labels-50").parent(), group);
    QCOMPARE(sorted.indexOf(sweep + "/mlp-1x512-labels-50", RunTableModel::TestColumn).data().toString(),
             QLocale().toString(50.0, 'f', 1));
    QCOMPARE(sorted.runCount(), 5);

    // A run of the sweep ticked and renamed through the tree.
    QVERIFY(sorted.setData(sorted.indexOf(sweep + "/mlp-1x512-none"), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.isTicked(sweep + "/mlp-1x512-none"));

    // A new point of the sweep joins its group; a removed one leaves it; the last takes it along.
    test::writeRunFolder((sweep + "/mlp-1x512-labels-100").toStdString(), seeded(1), 4, 1.0, 0.1,
                         "finished", "2026-01-03T09:30:00Z");
    model.refresh();
    QCOMPARE(sorted.rowCount(sorted.index(1, 0)), 4);
    QCOMPARE(sorted.directory(sorted.index(2, 0, sorted.index(1, 0))), sweep + "/mlp-1x512-labels-100");
    QCOMPARE(sorted.directory(sorted.index(3, 0, sorted.index(1, 0))), sweep + "/mlp-1x512-gaussian-100");
    QVERIFY(QDir(sweep).removeRecursively());
    model.refresh();
    QCOMPARE(sorted.rowCount(), 2);
    QCOMPARE(sorted.runCount(), 2);
}

void TestRunTableModel::theFilterNarrowsByNameSettingsAndSweep() {
    QTemporaryDir root;
    writeLibraryWithSweep(root.path());
    RunTableModel model;
    RunSortFilterModel sorted(&model);
    QAbstractItemModelTester tester(&sorted, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRoots({root.path()});
    QCOMPARE(sorted.runCount(), 5);
    sorted.setFilterFixedString("gaussian");  // a setting: only the sweep's Gaussian run
    QCOMPARE(sorted.runCount(), 1);
    QCOMPARE(sorted.rowCount(), 1);
    QVERIFY(RunGroupModel::isGroup(sorted.index(0, 0)));
    QVERIFY(sorted.indexOf(root.path() + "/sweep-20260103-090000/mlp-1x512-gaussian-100").isValid());
    sorted.setFilterFixedString("LATEST");  // a name
    QCOMPARE(sorted.runCount(), 1);
    QCOMPARE(sorted.directory(sorted.index(0, 0)), root.path() + "/20260105-080000-latest");
    sorted.setFilterFixedString("sweep-2026");  // a sweep: all of its runs
    QCOMPARE(sorted.runCount(), 3);
    sorted.setFilterFixedString("nothing like it");
    QCOMPARE(sorted.rowCount(), 0);
    sorted.setFilterFixedString({});
    QCOMPARE(sorted.runCount(), 5);
}

void TestRunTableModel::statusColoursReadOnTheDarkPalette() {
    RunTableModel model;
    model.setRoots({m_root->path()});
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(37, 37, 41));
    dark.setColor(QPalette::Base, QColor(25, 25, 28));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    QApplication::setPalette(dark);
    QSignalSpy changed(&model, &RunTableModel::dataChanged);
    model.paletteChanged();
    QVERIFY(!changed.isEmpty());  // views draw the rows again at once
    const QModelIndex finished = model.indexOf(run("20260101-080000-older"), RunTableModel::StatusColumn);
    const QColor status = finished.data(Qt::ForegroundRole).value<QBrush>().color();
    QVERIFY2(contrast(status, dark.color(QPalette::Base)) >= 4.5, qPrintable(status.name()));
    const QModelIndex broken = model.indexOf(run("20260103-080000-broken"), RunTableModel::StatusColumn);
    QVERIFY(contrast(broken.data(Qt::ForegroundRole).value<QBrush>().color(), dark.color(QPalette::Base)) >= 4.5);
    QApplication::setPalette(light);
}

QTEST_MAIN(TestRunTableModel)
#include "test_run_table_model.moc"
