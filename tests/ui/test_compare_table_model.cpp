// The Compare table's model without a window: a column per run, a row per final number and
// setting, differing settings marked, and a new epoch of a run in training updating its cells in
// place instead of resetting the table.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include "runs/compare_table_model.h"

using namespace shatter;

namespace {

void addEpochs(RunEntry& run, int count);

RunEntry entry(const std::string& name, double level, int epochs) {
    RunEntry run;
    run.directory = "/runs/" + name;
    run.folderName = name;
    run.displayName = name;
    run.readable = true;
    run.colourSlot = int(level * 10);
    run.record.info.kind = "training";
    run.record.config.epochs = 10;
    run.record.config.corruption = CorruptionMode::Labels;
    run.record.config.level = level;
    addEpochs(run, epochs);
    return run;
}

void addEpochs(RunEntry& run, int count) {
    for (int k = 0; k < count; ++k) {
        EpochMetrics m;
        m.epoch = run.epochCount() + 1;
        m.trainAcc = 0.1 * m.epoch;
        m.testAcc = 0.1;
        m.gap = m.trainAcc - m.testAcc;
        run.record.epochs.push_back(m);
        run.record.summary.trainAcc = m.trainAcc;
        run.record.summary.testAcc = m.testAcc;
        run.record.summary.gap = m.gap;
    }
}

QString text(const CompareTableModel& model, const QString& row, int column) {
    return model.index(model.rowOf(row), column).data().toString();
}

}  // namespace

class TestCompareTableModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aColumnPerRunDifferingSettingsMarked();
    void aNewEpochUpdatesCellsInPlace();
    void otherRunsOrRowsResetTheTable();
};

void TestCompareTableModel::aColumnPerRunDifferingSettingsMarked() {
    CompareTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(model.setRuns({entry("a", 1.0, 3), entry("b", 0.4, 5)}, {"level"}, false));
    QCOMPARE(model.columnCount(), 2);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QString("a"));
    QCOMPARE(model.headerData(1, Qt::Horizontal, Qt::ToolTipRole).toString(), QString("/runs/b"));
    QVERIFY(model.headerData(0, Qt::Horizontal, Qt::DecorationRole).canConvert<QIcon>());
    const int level = model.rowOf("level");
    const int seed = model.rowOf("seed");
    QVERIFY(level >= 0 && seed >= 0);
    QVERIFY(model.headerData(level, Qt::Vertical).toString().startsWith("≠"));
    QVERIFY(!model.headerData(seed, Qt::Vertical).toString().startsWith("≠"));
    QCOMPARE(text(model, "level", 1), QString("0.4"));
    QVERIFY(model.index(level, 0).data(Qt::BackgroundRole).value<QBrush>().style() != Qt::NoBrush);
    QVERIFY(model.index(level, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(!model.index(seed, 0).data(Qt::BackgroundRole).isValid());
    QCOMPARE(text(model, "epochs_done", 0), QString("3 of 10"));
    QCOMPARE(text(model, "train_acc", 1), QLocale().toString(50.0, 'f', 1) + " %");
    QCOMPARE(model.rowOf("no such row"), -1);

    // Only the settings that differ: the others lose their rows.
    QVERIFY(model.setRuns({entry("a", 1.0, 3), entry("b", 0.4, 5)}, {"level"}, true));
    QVERIFY(model.rowOf("level") >= 0);
    QCOMPARE(model.rowOf("seed"), -1);
    QVERIFY(model.rowOf("test_acc") >= 0);
    // One run: nothing differs, every setting shown.
    QVERIFY(model.setRuns({entry("a", 1.0, 3)}, {}, true));
    QVERIFY(model.rowOf("seed") >= 0);
}

void TestCompareTableModel::aNewEpochUpdatesCellsInPlace() {
    CompareTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunEntry training = entry("a", 1.0, 3);
    const RunEntry finished = entry("b", 0.4, 10);
    QVERIFY(model.setRuns({training, finished}, {"level"}, false));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);

    addEpochs(training, 1);
    QVERIFY(!model.setRuns({training, finished}, {"level"}, false));
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    const QModelIndex topLeft = changes.at(0).at(0).toModelIndex();
    const QModelIndex bottomRight = changes.at(0).at(1).toModelIndex();
    // The training run's column only, from "epochs run" down to "final gap".
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), 0);
    QCOMPARE(topLeft.row(), model.rowOf("epochs_done"));
    QCOMPARE(bottomRight.row(), model.rowOf("gap"));
    QCOMPARE(text(model, "epochs_done", 0), QString("4 of 10"));
    QCOMPARE(text(model, "train_acc", 0), QLocale().toString(40.0, 'f', 1) + " %");

    // Nothing new: no signal at all.
    QVERIFY(!model.setRuns({training, finished}, {"level"}, false));
    QCOMPARE(changes.count(), 1);
    QCOMPARE(resets.count(), 0);
}

void TestCompareTableModel::otherRunsOrRowsResetTheTable() {
    CompareTableModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const RunEntry a = entry("a", 1.0, 3);
    const RunEntry b = entry("b", 0.4, 10);
    QVERIFY(model.setRuns({a, b}, {"level"}, false));
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QVERIFY(model.setRuns({b, a}, {"level"}, false));  // another order
    QCOMPARE(resets.count(), 1);
    QVERIFY(model.setRuns({b, a, entry("c", 0.2, 1)}, {"level"}, false));  // another run
    QCOMPARE(resets.count(), 2);
    QCOMPARE(model.columnCount(), 3);
    QVERIFY(model.setRuns({b, a}, {"level", "seed"}, false));  // another row marked
    QCOMPARE(resets.count(), 3);
    QVERIFY(model.headerData(model.rowOf("seed"), Qt::Vertical).toString().startsWith("≠"));
    // Two runs of one name are told apart by their folders, in the headers as in the legend.
    RunEntry twin = entry("c", 0.2, 1);
    twin.displayName = "a";
    QVERIFY(model.setRuns({a, twin}, {"level"}, false));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QString("a · c"));
    QCOMPARE(CompareTableModel::runNames({a, twin}), (QStringList{"a · a", "a · c"}));
}

QTEST_MAIN(TestCompareTableModel)
#include "test_compare_table_model.moc"
