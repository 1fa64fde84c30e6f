// The run library and the Compare tab in the real main window: runs from the runs folder and
// from an added folder (runs copied from another machine), ticking runs to overlay them, the
// settings table, rename, delete and undo, new runs appearing by themselves, and the session
// (folders, ticks, metric, tab) coming back in the next launch. Screenshots go to
// SHATTER_ARTIFACT_DIR.
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QAbstractItemModel>
#include <QBrush>
#include <QFont>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QRadioButton>
#include <QStyleOptionButton>
#include <cmath>
#include <filesystem>
#include <fstream>

#include "support/artifact.h"
#include "support/offscreen_screen.h"
#include "common/plot_theme.h"
#include "experiment/experiment_panel.h"
#include "live/live_run.h"
#include "live/live_view.h"
#include "live/metric_plot.h"
#include "runs/compare_view.h"
#include "runs/run_group_model.h"
#include "runs/run_list_panel.h"
#include "runs/run_palette.h"
#include "runs/run_sort_filter_model.h"
#include "runs/run_table_model.h"
#include "runs/run_trash_controller.h"
#include "support/run_fixtures.h"
#include "window/main_window.h"

using namespace shatter;
namespace fs = std::filesystem;

namespace {

QTemporaryDir* g_home = nullptr;

QString runsRoot() { return g_home->path() + "/data/shatter/runs"; }
QString serverFolder() { return g_home->path() + "/from-gpu-server"; }

// What a comparison chart draws.
int seriesCount(const MetricPlot* plot) { return int(plot->figureData().series.size()); }
QString seriesName(const MetricPlot* plot, int series) {
    return QString::fromStdString(plot->figureData().series.at(std::size_t(series)).name);
}
int pointCount(const MetricPlot* plot, int series) {
    return int(plot->figureData().series.at(std::size_t(series)).x.size());
}

// The shared screenshot, once the plots have laid out and replotted.
void saveArtifact(QWidget& widget, const QString& name) {
    QTest::qWait(200);
    test::saveArtifact(widget, name);
}

RunConfig labels(double level) {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 2000;
    config.testSize = 2000;
    config.corruption = level > 0 ? CorruptionMode::Labels : CorruptionMode::None;
    config.level = level > 0 ? level : 1.0;
    config.epochs = 8;
    config.batchSize = 32;
    config.lrDecay = 1.0;
    config.learningRate = 0.01;
    return config;
}

QString localRandom() { return runsRoot() + "/20260110-090000-mlp-1x512-labels-100"; }
QString localTrue() { return runsRoot() + "/20260110-080000-mlp-1x512-none"; }
QString copiedRun() { return serverFolder() + "/20260109-220000-mlp-1x512-labels-40"; }

// The RUNS column as its view shows it: through the sorted model.
QModelIndex runIndex(RunListPanel* list, const QString& directory,
                     int column = RunTableModel::NameColumn) {
    return list->sortedModel()->indexOf(directory, column);
}
QString cell(RunListPanel* list, const QString& directory, int column) {
    return runIndex(list, directory, column).data().toString();
}
QString statusOf(RunListPanel* list, const QString& directory) {
    return runIndex(list, directory).data(RunTableModel::StatusRole).toString();
}
bool tick(RunListPanel* list, const QString& directory) {
    return list->sortedModel()->setData(runIndex(list, directory), Qt::Checked, Qt::CheckStateRole);
}
QTreeView* runsView(RunListPanel* list) { return list->findChild<QTreeView*>("runsView"); }
QPushButton* compareButton(RunListPanel* list) {
    return list->findChild<QPushButton*>("compareTickedButton");
}
QPushButton* undoButton(RunListPanel* list) {
    return list->findChild<QPushButton*>("undoDeleteButton");
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

// The strongest contrast that anything drawn in `area` makes with `background`.
double strongest(const QImage& image, const QRect& area, const QColor& background) {
    double best = 1.0;
    const QRect inside = area.intersected(image.rect());
    for (int y = inside.top(); y <= inside.bottom(); ++y) {
        for (int x = inside.left(); x <= inside.right(); ++x)
            best = std::max(best, contrast(image.pixelColor(x, y), background));
    }
    return best;
}

}  // namespace

class TestRunLibraryUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void listsLocalRunsAndACopiedFolder();
    void theRunInProgressIsListedFromMemory();
    void tickingTwoRunsOverlaysThemWithTheirSettings();
    void renameDeleteAndUndo();
    void newRunsAppearByThemselves();
    void sessionComesBack();
    void namesTicksAndRadioButtonsReadOnTheDarkTheme();
    void filterBoxAndSweepGroupsInTheWindow();
};

void TestRunLibraryUi::initTestCase() {
    test::writeRunFolder(localTrue().toStdString(), labels(0), 8, 1.0, 0.86, "finished",
                         "2026-01-10T08:00:00Z");
    test::writeRunFolder(localRandom().toStdString(), labels(1.0), 8, 0.62, 0.10, "stopped",
                         "2026-01-10T09:00:00Z");
    // A run made on another machine, then copied here: written elsewhere, copied as a folder.
    QTemporaryDir server;
    const std::string made = server.path().toStdString() + "/20260109-220000-mlp-1x512-labels-40";
    test::writeRunFolder(made, labels(0.4), 8, 1.0, 0.52, "finished", "2026-01-09T22:00:00Z");
    fs::create_directories(serverFolder().toStdString());
    fs::copy(made, copiedRun().toStdString(), fs::copy_options::recursive);
    // And a folder that came over broken.
    fs::create_directories(serverFolder().toStdString() + "/20260109-230000-broken");
    std::ofstream(serverFolder().toStdString() + "/20260109-230000-broken/config.json") << "{ nope";
}

void TestRunLibraryUi::listsLocalRunsAndACopiedFolder() {
    MainWindow window;
    RunListPanel* list = window.runList();
    QCOMPARE(list->runsRoot(), runsRoot());
    QCOMPARE(int(list->entries().size()), 2);
    QCOMPARE(runsView(list)->model(), list->sortedModel());
    QCOMPARE(list->sortedModel()->rowCount(), 2);
    QVERIFY(runIndex(list, localRandom()).isValid());
    QCOMPARE(cell(list, localRandom(), RunTableModel::NameColumn),
             QString("mlp-1x512-labels-100"));  // the time is in the tooltip
    QCOMPARE(statusOf(list, localRandom()), QString("stopped"));
    QCOMPARE(cell(list, localRandom(), RunTableModel::TrainColumn),
             QLocale().toString(62.0, 'f', 1));
    QCOMPARE(cell(list, localRandom(), RunTableModel::TestColumn),
             QLocale().toString(10.0, 'f', 1));
    QCOMPARE(cell(list, localRandom(), RunTableModel::GapColumn), QLocale().toString(52.0, 'f', 1));
    QCOMPARE(cell(list, localRandom(), RunTableModel::FitColumn), QString("–"));
    QCOMPARE(cell(list, localTrue(), RunTableModel::FitColumn), QString("8"));

    // "Add run folder…": the copied run and the broken folder join the list.
    list->addFolder(serverFolder());
    QCOMPARE(list->extraFolders(), QStringList{serverFolder()});
    QCOMPARE(int(list->entries().size()), 4);
    QCOMPARE(list->sortedModel()->rowCount(), 4);
    QCOMPARE(statusOf(list, copiedRun()), QString("finished"));
    QVERIFY(runIndex(list, copiedRun()).flags() & Qt::ItemIsUserCheckable);
    const QString broken = serverFolder() + "/20260109-230000-broken";
    QCOMPARE(statusOf(list, broken), QString("unreadable"));
    QVERIFY(!(runIndex(list, broken).flags() & Qt::ItemIsUserCheckable));
    QVERIFY(runIndex(list, broken).data(Qt::ToolTipRole).toString().contains("config.json"));
    // Newest first.
    QCOMPARE(runIndex(list, localRandom()).row(), 0);
    QCOMPARE(runIndex(list, broken).row(), 3);

    // No two listed runs look alike.
    QSet<QPair<QRgb, int>> looks;
    for (const QString& run : {localRandom(), localTrue(), copiedRun(), broken})
        looks.insert({runIndex(list, run).data(RunTableModel::ColourRole).value<QColor>().rgb(),
                      runIndex(list, run).data(RunTableModel::LineStyleRole).toInt()});
    QCOMPARE(looks.size(), 4);
    window.close();
}

void TestRunLibraryUi::theRunInProgressIsListedFromMemory() {
    // The live run's epochs reach its RUNS entry as they arrive; the folder (8 epochs on disk)
    // is read again only once the run is over.
    MainWindow window;
    RunListPanel* list = window.runList();
    LiveRun* live = window.liveRun();
    live->begin(20);
    live->setDirectory(localRandom());
    QCOMPARE(list->entry(localRandom())->epochCount(), 8);
    EpochReport report;
    report.metrics.epoch = 1;
    report.metrics.trainAcc = 0.33;
    report.metrics.testAcc = 0.11;
    report.metrics.gap = 0.22;
    live->addEpoch(report);
    const RunEntry* running = list->entry(localRandom());
    QCOMPARE(running->epochCount(), 1);
    QCOMPARE(running->summary().trainAcc, 0.33);
    QCOMPARE(running->summary().testAcc, 0.11);
    QCOMPARE(int(running->record.epochs.size()), 1);
    live->end();
    QCOMPARE(list->entry(localRandom())->epochCount(), 8);
    QCOMPARE(list->entry(localRandom())->summary().trainAcc, 0.62);
}

void TestRunLibraryUi::tickingTwoRunsOverlaysThemWithTheirSettings() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.width(), 1280);  // the three columns fit
    RunListPanel* list = window.runList();
    CompareView* compare = window.compareView();
    QCOMPARE(int(list->entries().size()), 4);  // the added folder was remembered
    list->setTicked(QStringList{});

    // Tick a local run and the copied one, as a user clicks the boxes.
    QVERIFY(tick(list, localRandom()));
    QVERIFY(tick(list, copiedRun()));
    QCOMPARE(list->tickedDirectories(), (QStringList{localRandom(), copiedRun()}));
    QCOMPARE(runIndex(list, copiedRun()).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
    QCOMPARE(compareButton(list)->text(), QString("Compare ticked (2)"));
    QTest::mouseClick(compareButton(list), Qt::LeftButton);
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(compare));

    QCOMPARE(int(compare->runs().size()), 2);
    MetricPlot* plot = compare->plot();
    QCOMPARE(seriesCount(plot), 2);
    QCOMPARE(seriesName(plot, 0), QString("mlp-1x512-labels-100"));
    QCOMPARE(seriesName(plot, 1), QString("mlp-1x512-labels-40"));
    QCOMPARE(pointCount(plot, 0), 8);  // one point per epoch
    QCOMPARE(pointCount(plot, 1), 8);

    // Any column of metrics.csv.
    compare->setMetric("test_loss");
    QCOMPARE(compare->metric(), QString("test_loss"));
    QCOMPARE(seriesCount(compare->plot()), 2);
    QCOMPARE(pointCount(compare->plot(), 1), 8);
    compare->setMetric("test_acc");

    // The table: a column per run; the one setting that differs (the level) is highlighted.
    QAbstractItemModel* table = compare->tableModel();
    const auto compared = [&](int row, int column, int role = Qt::DisplayRole) {
        return table->index(row, column).data(role);
    };
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(compare->differingSettings(), QStringList{"level"});
    const int level = compare->rowOf("level");
    QVERIFY(level >= 0);
    QVERIFY(table->headerData(level, Qt::Vertical).toString().startsWith("≠"));
    QCOMPARE(compared(level, 0).toString(), QString("1"));
    QCOMPARE(compared(level, 1).toString(), QString("0.4"));
    QVERIFY(compared(level, 0, Qt::BackgroundRole).value<QBrush>().style() != Qt::NoBrush);
    QVERIFY(compared(level, 0, Qt::FontRole).value<QFont>().bold());
    const int model = compare->rowOf("model");
    QVERIFY(!table->headerData(model, Qt::Vertical).toString().startsWith("≠"));
    QVERIFY(!compared(model, 0, Qt::BackgroundRole).isValid());
    QCOMPARE(compared(compare->rowOf("test_acc"), 1).toString(), QLocale().toString(52.0, 'f', 1) + " %");
    QCOMPARE(compared(compare->rowOf("epochs_to_fit"), 0).toString(), QString("not fitted"));
    QCOMPARE(compared(compare->rowOf("epochs_to_fit"), 1).toString(), QString("8"));

    // A third run, ticked with Space in the list (which must not start training): the
    // corruption now differs too.
    runsView(list)->setFocus();
    runsView(list)->setCurrentIndex(runIndex(list, localTrue()));
    QTest::keyClick(runsView(list), Qt::Key_Space);
    QVERIFY(!window.controller()->isActive());
    QCOMPARE(list->tickedDirectories(), (QStringList{localRandom(), localTrue(), copiedRun()}));
    QCOMPARE(seriesCount(compare->plot()), 3);
    QCOMPARE(compare->differingSettings(), (QStringList{"corruption", "level"}));
    saveArtifact(window, "compare-window-three-runs.png");
    compare->setOnlyDiffering(true);
    QCOMPARE(compare->rowOf("model"), -1);
    QVERIFY(compare->rowOf("level") >= 0);
    saveArtifact(window, "compare-window-only-differing.png");
    compare->setOnlyDiffering(false);
    list->setTicked(localTrue(), false);

    // F2 edits the current run's name in place; Return writes it.
    QTreeView* view = runsView(list);
    view->setFocus();
    view->setCurrentIndex(runIndex(list, localTrue()));
    QTest::keyClick(view, Qt::Key_F2);
    QVERIFY(view->isPersistentEditorOpen(runIndex(list, localTrue())) ||
            view->indexWidget(runIndex(list, localTrue())));
    auto* editor = view->viewport()->findChild<QLineEdit*>();
    QVERIFY(editor);
    editor->selectAll();
    QTest::keyClicks(editor, "true labels");
    QTest::keyClick(editor, Qt::Key_Return);
    QTRY_COMPARE(cell(list, localTrue(), RunTableModel::NameColumn), QString("true labels"));
    QVERIFY(list->model()->rename(localTrue(), QString()));  // back to the folder's name
    QCOMPARE(cell(list, localTrue(), RunTableModel::NameColumn), QString("mlp-1x512-none"));

    compare->setMetric("train_acc");
    saveArtifact(window, "compare-window.png");
    QCOMPARE(window.width(), 1280);  // long run names in the legend do not widen the window
    window.close();
}

void TestRunLibraryUi::renameDeleteAndUndo() {
    MainWindow window;
    RunListPanel* list = window.runList();
    CompareView* compare = window.compareView();
    QCOMPARE(list->tickedDirectories().size(), 2);

    // Rename: the name goes into config.json, the folder stays.
    QVERIFY(list->model()->rename(localRandom(), "random labels"));
    QCOMPARE(cell(list, localRandom(), RunTableModel::NameColumn), QString("random labels"));
    QCOMPARE(seriesName(compare->plot(), 0), QString("random labels"));
    QVERIFY(QDir(localRandom()).exists());
    // In place, as a user edits the name.
    QVERIFY(list->sortedModel()->setData(runIndex(list, copiedRun()), "labels 40% (server)"));
    QCOMPARE(QString::fromStdString(list->entry(copiedRun())->displayName),
             QString("labels 40% (server)"));
    QCOMPARE(seriesName(compare->plot(), 1), QString("labels 40% (server)"));

    // Delete moves the run into the trash and out of the comparison; undo brings both back.
    RunTrashController* trash = list->trash();
    QVERIFY(trash->deleteRun(localRandom()));
    QVERIFY(!QDir(localRandom()).exists());
    QCOMPARE(QDir(runsRoot() + "/.trash").entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QCOMPARE(int(list->entries().size()), 3);
    QVERIFY(!runIndex(list, localRandom()).isValid());
    QCOMPARE(list->tickedDirectories(), QStringList{copiedRun()});
    QCOMPARE(seriesCount(compare->plot()), 1);
    QVERIFY(undoButton(list)->isVisibleTo(list));
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    runsView(list)->setCurrentIndex(runIndex(list, copiedRun()));
    saveArtifact(window, "runs-after-delete.png");
    QTest::mouseClick(undoButton(list), Qt::LeftButton);
    QVERIFY(QDir(localRandom()).exists());
    QCOMPARE(int(list->entries().size()), 4);
    QCOMPARE(list->tickedDirectories(), (QStringList{localRandom(), copiedRun()}));
    QCOMPARE(seriesCount(compare->plot()), 2);
    QCOMPARE(pointCount(compare->plot(), 0), 8);
    QVERIFY(!undoButton(list)->isVisibleTo(list));

    // The copied folder was added as a root: its run is deleted into that folder's own trash.
    QVERIFY(trash->deleteRun(serverFolder() + "/20260109-230000-broken"));
    QVERIFY(QDir(serverFolder() + "/.trash").exists());
    trash->emptyTrash();
    QVERIFY(!QDir(serverFolder() + "/.trash").exists());
    QCOMPARE(int(list->entries().size()), 3);
    QVERIFY(!trash->canUndo());
    window.close();
}

void TestRunLibraryUi::newRunsAppearByThemselves() {
    MainWindow window;
    RunListPanel* list = window.runList();
    const int before = int(list->entries().size());
    // A command-line run written while the window is open: the folder watcher picks it up.
    test::writeRunFolder((runsRoot() + "/20260111-100000-cli").toStdString(), labels(0.2), 3, 0.9,
                         0.7, std::nullopt, "2026-01-11T10:00:00Z");
    QTRY_COMPARE_WITH_TIMEOUT(int(list->entries().size()), before + 1, 5000);
    QCOMPARE(statusOf(list, runsRoot() + "/20260111-100000-cli"), QString("incomplete"));
    QDir(runsRoot() + "/20260111-100000-cli").removeRecursively();
    QTRY_COMPARE_WITH_TIMEOUT(int(list->entries().size()), before, 5000);

    // A GUI run shows up while it trains, cannot be deleted meanwhile, and reads stopped after
    // Stop.
    window.applyPreset("Classroom: random labels");
    RunConfig config = window.experimentPanel()->config();
    config.trainSize = 200;
    config.testSize = 200;
    config.epochs = 200;
    window.experimentPanel()->setConfig(config);
    window.viewTabs()->setCurrentWidget(window.compareView());
    window.startRun();
    QCOMPARE(window.viewTabs()->currentWidget(),
             static_cast<QWidget*>(window.liveView()));
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->runDirectory().isEmpty() &&
                                 list->entry(window.controller()->runDirectory()) &&
                                 list->entry(window.controller()->runDirectory())->epochCount() >= 2,
                             60000);
    const QString directory = window.controller()->runDirectory();
    QCOMPARE(statusOf(list, directory), QString("running"));
    QSignalSpy errors(list, &RunListPanel::errorOccurred);
    QVERIFY(!list->trash()->deleteRun(directory));
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains("training now"));
    QVERIFY(QDir(directory).exists());
    QTRY_VERIFY(window.findChild<QMessageBox*>());
    window.findChild<QMessageBox*>()->button(QMessageBox::Ok)->click();
    window.controller()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 30000);
    QCOMPARE(statusOf(list, directory), QString("stopped"));
    const int guiEpochs = list->entry(directory)->epochCount();
    QVERIFY(guiEpochs >= 2 && guiEpochs < 200);
    QCOMPARE(int(list->entries().size()), before + 1);

    // Acceptance: a run made by shatter-cli on "another machine", its folder copied here, is
    // listed once its folder is added and overlays with the GUI run made here.
    const QString cli = qEnvironmentVariable("SHATTER_CLI");
    if (!cli.isEmpty()) {
        QTemporaryDir server;
        // Start times have one-second resolution: make the copied run start a second later than
        // the GUI run, so that "newest first" is decided by the time and not by a tie.
        QTest::qWait(1100);
        QProcess process;
        process.start(cli, {"run", "--train-size", "200", "--test-size", "200", "--epochs", "3",
                            "--corruption", "labels", "--level", "0.5", "--threads", "1", "--out",
                            server.path()});
        QVERIFY(process.waitForFinished(120000));
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QStringList made = QDir(server.path()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(made.size(), 1);
        const QString copies = g_home->path() + "/copied-from-cli";
        fs::create_directories(copies.toStdString());
        fs::copy((server.path() + "/" + made[0]).toStdString(),
                 (copies + "/" + made[0]).toStdString(), fs::copy_options::recursive);
        list->addFolder(copies);
        const QString copied = copies + "/" + made[0];
        QVERIFY(runIndex(list, copied).isValid());
        QCOMPARE(toString(list->entry(copied)->status()), std::string("finished"));
        list->setTicked(QStringList{directory, copied});
        MetricPlot* plot = window.compareView()->plot();
        QCOMPARE(seriesCount(plot), 2);
        // Newest first: the copied command-line run (3 epochs), then the GUI run.
        QCOMPARE(seriesName(plot, 0), QString("mlp-1x512-labels-50"));
        QCOMPARE(pointCount(plot, 0), 3);
        // The GUI run shares its default name with a listed run: what differs is appended.
        QVERIFY2(seriesName(plot, 1).startsWith("mlp-1x512-labels-100"),
                 qPrintable(seriesName(plot, 1)));
        QCOMPARE(pointCount(plot, 1), guiEpochs);
        QVERIFY(window.compareView()->differingSettings().contains("level"));
        list->removeFolder(copies);
        QVERIFY(!runIndex(list, copied).isValid());
    } else {
        qWarning("SHATTER_CLI not set: the copied command-line run is not checked");
    }
    QDir(directory).removeRecursively();
    window.close();
}

void TestRunLibraryUi::sessionComesBack() {
    {
        MainWindow window;
        window.runList()->setTicked(QStringList{localTrue(), copiedRun()});
        window.compareView()->setMetric("gap");
        window.viewTabs()->setCurrentWidget(window.compareView());
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.runList()->extraFolders(), QStringList{serverFolder()});
    QCOMPARE(again.runList()->tickedDirectories(), (QStringList{localTrue(), copiedRun()}));
    QCOMPARE(again.compareView()->metric(), QString("gap"));
    QCOMPARE(again.viewTabs()->currentWidget(), static_cast<QWidget*>(again.compareView()));
    QCOMPARE(seriesCount(again.compareView()->plot()), 2);
    QCOMPARE(pointCount(again.compareView()->plot(), 0), 8);
    // Runs gone since the last launch drop out of the comparison quietly.
    QDir(localTrue()).removeRecursively();
    again.close();
    MainWindow third;
    QCOMPARE(third.runList()->tickedDirectories(), QStringList{copiedRun()});

    // A run deleted in an earlier launch can still be put back from the trash.
    QVERIFY(third.runList()->trash()->deleteRun(localRandom()));
    third.close();
    MainWindow fourth;
    QVERIFY(!fourth.runList()->trash()->canUndo());
    QVERIFY(!fourth.runList()->entry(localRandom()));
    const std::vector<RunLibrary::TrashedRun> trashed = RunLibrary::trash(runsRoot().toStdString());
    QCOMPARE(int(trashed.size()), 1);
    QVERIFY(fourth.runList()->trash()->restore(trashed[0]));
    QVERIFY(runIndex(fourth.runList(), localRandom()).isValid());
    QCOMPARE(fourth.runList()->entry(localRandom())->epochCount(), 8);
}

// Run names and ticks in RUNS used to stay dark on the dark background until the next refresh,
// and the experiment panel's radio buttons were all but invisible.
void TestRunLibraryUi::namesTicksAndRadioButtonsReadOnTheDarkTheme() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (window.darkAction()->isChecked()) window.darkAction()->trigger();
    RunListPanel* list = window.runList();
    QTreeView* view = runsView(list);
    const QModelIndex name = runIndex(list, localRandom());
    QVERIFY(name.isValid());
    view->viewport()->grab();  // drawn once in the light theme

    window.darkAction()->trigger();  // and nothing else: no refresh
    QVERIFY(PlotTheme::current().dark);
    QApplication::processEvents();  // widgets take the application palette from a posted event
    const QColor base = view->palette().color(QPalette::Base);
    QVERIFY(base.lightness() < 80);
    const QVariant foreground = name.data(Qt::ForegroundRole);
    const QColor text = foreground.isValid() ? foreground.value<QBrush>().color()
                                             : view->palette().color(QPalette::Text);
    QVERIFY2(contrast(text, base) >= 4.5, qPrintable(text.name()));
    // What the view draws: the name's text, and the tick box before it.
    const QImage shot = view->viewport()->grab().toImage();
    const QRect cell = view->visualRect(name);
    const QColor rowBackground = shot.pixelColor(cell.right() - 1, cell.top() + 1);
    QVERIFY(rowBackground.lightness() < 80);
    QVERIFY(strongest(shot, cell, rowBackground) >= 4.5);
    QVERIFY(strongest(shot, QRect(cell.left(), cell.top(), 20, cell.height()), rowBackground) >= 3.0);

    // An unticked radio button of the experiment panel: its circle stands out (WCAG 1.4.11).
    QRadioButton* radio = nullptr;
    for (QRadioButton* candidate : window.experimentPanel()->findChildren<QRadioButton*>()) {
        if (!candidate->isChecked() && candidate->isVisible()) radio = candidate;
    }
    QVERIFY(radio);
    QStyleOptionButton option;
    option.initFrom(radio);
    const QRect indicator = radio->style()->subElementRect(QStyle::SE_RadioButtonIndicator, &option, radio);
    const QImage button = radio->grab().toImage();
    const QColor window_ = radio->palette().color(QPalette::Window);
    QVERIFY2(strongest(button, indicator, window_) >= 3.0,
             qPrintable(QString::number(strongest(button, indicator, window_))));
    saveArtifact(*list, "runs-dark.png");
    window.darkAction()->trigger();
    window.close();
}

void TestRunLibraryUi::filterBoxAndSweepGroupsInTheWindow() {
    const QString sweep = runsRoot() + "/sweep-20260112-090000";
    test::writeRunFolder((sweep + "/mlp-1x512-none").toStdString(), labels(0), 8, 1.0, 0.8,
                         "finished", "2026-01-12T09:00:00Z");
    test::writeRunFolder((sweep + "/mlp-1x512-labels-100").toStdString(), labels(1.0), 8, 1.0,
                         0.1, "finished", "2026-01-12T09:10:00Z");
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    RunListPanel* list = window.runList();
    QTreeView* view = runsView(list);
    RunSortFilterModel* sorted = list->sortedModel();
    const QModelIndex group = runIndex(list, sweep + "/mlp-1x512-none").parent();
    QVERIFY(RunGroupModel::isGroup(group));
    QVERIFY(view->isExpanded(group));  // a sweep comes in open
    QVERIFY(view->isFirstColumnSpanned(group.row(), {}));
    QVERIFY(list->isSweepExpanded(sweep));
    list->setSweepExpanded(sweep, false);
    QVERIFY(!view->isExpanded(group));
    list->setSweepExpanded(sweep, true);
    // Two runs named mlp-1x512-labels-100, in and out of the sweep: told apart.
    QVERIFY(cell(list, sweep + "/mlp-1x512-labels-100", RunTableModel::NameColumn) !=
            cell(list, localRandom(), RunTableModel::NameColumn));

    auto* filter = list->findChild<QLineEdit*>("runsFilter");
    QVERIFY(filter);
    const int all = sorted->runCount();
    QVERIFY(all >= 4);
    QTest::keyClicks(filter, "sweep-20260112");
    QCOMPARE(sorted->runCount(), 2);
    QVERIFY(view->isExpanded(runIndex(list, sweep + "/mlp-1x512-none").parent()));
    filter->clear();
    QTest::keyClicks(filter, "true labels");  // a setting
    QVERIFY(sorted->runCount() >= 1);
    QVERIFY(sorted->runCount() < all);
    QVERIFY(runIndex(list, sweep + "/mlp-1x512-none").isValid());
    QVERIFY(!runIndex(list, sweep + "/mlp-1x512-labels-100").isValid());
    filter->clear();
    QCOMPARE(sorted->runCount(), all);
    saveArtifact(*list, "runs-grouped.png");
    window.close();
    QDir(sweep).removeRecursively();
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    if (!useOffscreenScreen(home.path(), 1920, 1080)) return 1;  // room for a 1280-pixel window
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterRunLibraryTest");
    TestRunLibraryUi test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_run_library_ui.moc"
