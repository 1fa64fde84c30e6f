// Replaying a stored run in the main window: every epoch reaches the live charts, the gallery
// and the status bar at the chosen speed (the test moves the replay's clock by hand), 10× is
// five times 2×, the keys scrub and pause, a broken folder names its file, and training ends a
// replay and refuses one. Screenshots go to SHATTER_ARTIFACT_DIR.
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <memory>

#include "experiment/experiment_panel.h"
#include "live/live_run.h"
#include "live/metric_plot.h"
#include "live/replay_bar.h"
#include "live/run_replay.h"
#include "live/sample_gallery.h"
#include "pipeline/run_pipeline.h"
#include "runs/run_list_panel.h"
#include "runs/run_sort_filter_model.h"
#include "support/artifact.h"
#include "support/fixtures.h"
#include "support/offscreen_screen.h"
#include "support/run_fixtures.h"
#include "window/main_window.h"
#include "window/status_bar.h"
#include "window/window_actions.h"

using namespace shatter;

namespace {

QTemporaryDir* g_home = nullptr;

QString runsRoot() { return g_home->path() + "/data/shatter/runs"; }

// A small learnable dataset on disk, so that a replay can draw the run's images again.
QString datasetSpec() {
    const QString folder = g_home->path() + "/digits";
    if (!QDir(folder).exists()) {
        QDir().mkpath(folder);
        test::writeMnistFolder(folder.toStdString(), test::makeSyntheticDataset(20, 5, 10, 1, 28),
                               false);
    }
    return "mnist:" + folder;
}

class NoObserver : public RunObserver {};

// A real three-epoch run in the runs folder: metrics, examples.bin and predictions.bin.
QString trainedRun() {
    static QString directory;
    if (!directory.isEmpty()) return directory;
    RunConfig config;
    config.name = "replayed digits";
    config.dataset = datasetSpec().toStdString();
    config.trainSize = 100;
    config.testSize = 50;
    config.corruption = CorruptionMode::Labels;
    config.level = 1.0;
    config.epochs = 3;
    config.batchSize = 16;
    config.seed = 1;
    config.threads = 1;
    RunPipeline pipeline(config, runsRoot().toStdString());
    NoObserver observer;
    pipeline.run(observer);
    directory = QString::fromStdString(pipeline.directory());
    return directory;
}

// Twenty epochs of half a second each (ten seconds at 1×), no predictions.bin.
QString twentyEpochRun() {
    const QString directory = runsRoot() + "/20260101-000000-twenty-epochs";
    if (QDir(directory).exists()) return directory;
    RunConfig config;
    config.dataset = datasetSpec().toStdString();
    config.trainSize = 100;
    config.testSize = 50;
    config.epochs = 20;
    test::writeRunFolder(directory.toStdString(), config, 20, 1.0, 0.1, "finished",
                         "2026-01-01T00:00:00Z");
    return directory;
}

int livePoints(const MainWindow& window) {
    const MetricPlot* chart = window.findChild<MetricPlot*>("live-accuracy");
    return int(chart->figureData().series.front().x.size());
}

int liveEpochs(const MainWindow& window) {
    return int(window.liveRun()->history().epochs().size());
}

// The replay's clock, moved by the test.
struct ManualClock {
    std::shared_ptr<double> seconds = std::make_shared<double>(0.0);
    RunReplay::WallClock function() const {
        auto shared = seconds;
        return [shared]() { return *shared; };
    }
    void advance(RunReplay* replay, double by) {
        *seconds += by;
        replay->advance();
    }
};

bool shownAndActive(MainWindow& window) {
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) return false;
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

using test::saveArtifact;

}  // namespace

class TestRunReplay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void replayShowsEveryEpochAtItsSpeed();
    void tenTimesIsFiveTimesTwoTimes();
    void keysScrubPauseAndEnd();
    void brokenFolderNamesTheFile();
    void trainingEndsAReplayAndRefusesOne();
    void runsMenuAndSelectionReplay();
};

void TestRunReplay::replayShowsEveryEpochAtItsSpeed() {
    const QString run = trainedRun();
    MainWindow window;
    QVERIFY(shownAndActive(window));
    ManualClock clock;
    RunReplay* replay = window.runReplay();
    replay->setWallClock(clock.function());
    replay->setSpeed(10.0);
    QVERIFY(window.replayRun(run));
    QVERIFY(replay->isActive());
    QVERIFY(replay->isPlaying());
    QVERIFY(window.replayBar()->isVisible());
    QCOMPARE(replay->epochCount(), 3);
    QCOMPARE(liveEpochs(window), 0);
    // A tiny run trains far faster than half a second an epoch: 1× is stretched to that on
    // average (1.5 s for the three epochs, each as long relative to the others as it was), so
    // at 10× epoch k shows at a tenth of its end on that time line.
    const ReplayTimeline timeline = replay->run().timeline();
    QCOMPARE(timeline.pace(), ReplayTimeline::Pace::Stretched);
    QVERIFY(qFuzzyCompare(timeline.totalSeconds(), 1.5));
    QVERIFY2(
        window.replayBar()->speedBox()->toolTip().contains("faster than half a second per epoch"),
        qPrintable(window.replayBar()->speedBox()->toolTip()));
    auto advanceTo = [&](double seconds) { clock.advance(replay, seconds - *clock.seconds); };
    advanceTo(timeline.endOf(1) / 10 - 0.001);
    QCOMPARE(liveEpochs(window), 0);
    advanceTo(timeline.endOf(1) / 10 + 0.001);
    QCOMPARE(liveEpochs(window), 1);
    QTRY_COMPARE(livePoints(window), 1);
    advanceTo(timeline.endOf(2) / 10 + 0.001);
    QCOMPARE(liveEpochs(window), 2);
    QCOMPARE(window.replayBar()->positionLabel()->text(), QString("epoch 2 / 3"));
    advanceTo(timeline.endOf(3) / 10 - 0.001);
    QCOMPARE(liveEpochs(window), 2);
    advanceTo(timeline.endOf(3) / 10 + 0.001);
    QCOMPARE(liveEpochs(window), 3);
    QTRY_COMPARE(livePoints(window), 3);
    // The end: paused at the last epoch, the status bar says so.
    QVERIFY(!replay->isPlaying());
    QCOMPARE(window.runStatusBar()->epochText(), QString("epoch 3/3"));
    QVERIFY2(window.runStatusBar()->stateText().contains("last epoch"),
             qPrintable(window.runStatusBar()->stateText()));
    // The replayed metrics are the stored ones.
    const RecordedRun stored = RecordedRun::load(run.toStdString());
    QCOMPARE(window.liveRun()->history().epochs().back().trainAcc,
             stored.record().epochs.back().trainAcc);
    QCOMPARE(window.liveRun()->history().fittedSince(), stored.examples()->fittedSince);
    // The gallery gets the run's images back and shows the last epoch's predictions.
    SampleGallery* gallery = window.sampleGallery();
    QTRY_VERIFY_WITH_TIMEOUT(gallery->data() != nullptr, 20000);
    QCOMPARE(int(gallery->data()->train.size()), 100);
    QVERIFY(gallery->data()->train.labels == stored.examples()->assignedLabels);
    QTRY_COMPARE(gallery->shownEpoch(), 3);
    QVERIFY(gallery->note().isEmpty());
    // The RUNS row is the stored run's, not a run in progress.
    QVERIFY(window.liveRun()->directory().isEmpty());
    QCOMPARE(window.liveRun()->replayed(), run);
    // The strip fits a 1024×768 projector: the window stays within the screen.
    QVERIFY2(
        window.minimumSizeHint().width() <= 1024,
        qPrintable(
            QString("minimum width %1 while replaying").arg(window.minimumSizeHint().width())));
    QVERIFY(window.screen()->availableGeometry().contains(window.frameGeometry()));
    // Every control of the strip has the room it needs.
    for (QWidget* control : window.replayBar()->findChildren<QWidget*>()) {
        if (control == window.replayBar()->titleLabel()) continue;
        QVERIFY2(control->width() >= control->minimumSizeHint().width(),
                 qPrintable(QString("%1 is %2 wide, needs %3")
                                .arg(control->metaObject()->className())
                                .arg(control->width())
                                .arg(control->minimumSizeHint().width())));
    }
    QVERIFY(window.replayBar()->titleLabel()->toolTip().contains("replayed digits"));
    window.samplesDock()->show();
    window.samplesDock()->raise();
    QTest::qWait(200);  // the charts' deferred redraw
    saveArtifact(window, "replay-at-the-end.png");
}

void TestRunReplay::tenTimesIsFiveTimesTwoTimes() {
    const QString run = twentyEpochRun();
    MainWindow window;
    QVERIFY(shownAndActive(window));
    ManualClock clock;
    RunReplay* replay = window.runReplay();
    replay->setWallClock(clock.function());
    int shown[2] = {0, 0};
    const double speeds[2] = {2.0, 10.0};
    for (int i = 0; i < 2; ++i) {
        replay->setSpeed(speeds[i]);
        QVERIFY(window.replayRun(run));
        clock.advance(replay, 0.5);
        shown[i] = liveEpochs(window);
    }
    QCOMPARE(shown[0], 2);   // 0.5 s × 2 = 1 s of the run: two half-second epochs
    QCOMPARE(shown[1], 10);  // 0.5 s × 10 = 5 s: ten
    QTRY_COMPARE(livePoints(window), 10);
    // The speed box shows the speed, and the next window starts with it.
    QCOMPARE(window.replayBar()->speedBox()->currentText(), QString("10×"));
    // Without predictions.bin the gallery says why it shows no predictions.
    QVERIFY2(window.sampleGallery()->note().contains("no per-epoch predictions"),
             qPrintable(window.sampleGallery()->note()));
    window.close();
    MainWindow next;
    QCOMPARE(next.runReplay()->speed(), 10.0);
}

void TestRunReplay::keysScrubPauseAndEnd() {
    const QString run = trainedRun();
    MainWindow window;
    QVERIFY(shownAndActive(window));
    ManualClock clock;
    RunReplay* replay = window.runReplay();
    replay->setWallClock(clock.function());
    QVERIFY(window.showRunAtEnd(run));
    QCOMPARE(liveEpochs(window), 3);
    QVERIFY(!replay->isPlaying());
    SampleGallery* gallery = window.sampleGallery();
    QTRY_VERIFY_WITH_TIMEOUT(gallery->data() != nullptr, 20000);
    QTRY_COMPARE(gallery->shownEpoch(), 3);

    // The keys reach the window wherever the focus is (here on the view tabs) ...
    window.viewTabs()->setFocus();
    QTRY_VERIFY(window.viewTabs()->hasFocus());
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Home);
    QCOMPARE(replay->epoch(), 0);
    QCOMPARE(liveEpochs(window), 0);
    QTRY_COMPARE(livePoints(window), 0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period);
    QCOMPARE(replay->epoch(), 1);
    QTRY_COMPARE(livePoints(window), 1);
    QTRY_COMPARE(gallery->shownEpoch(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Period);
    QTest::keyClick(QApplication::focusWidget(),
                    Qt::Key_Period);  // at the last epoch already: stays
    QCOMPARE(replay->epoch(), 3);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Comma);
    QCOMPARE(replay->epoch(), 2);
    QTRY_COMPARE(livePoints(window), 2);
    QTRY_COMPARE(gallery->shownEpoch(), 2);
    QCOMPARE(window.replayBar()->slider()->value(), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::ControlModifier);
    QCOMPARE(replay->epoch(), 1);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::ControlModifier);
    QCOMPARE(replay->epoch(), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_End);
    QCOMPARE(replay->epoch(), 3);
    QTRY_COMPARE(livePoints(window), 3);
    // The slider moves the replay too.
    window.replayBar()->slider()->setValue(1);
    QCOMPARE(liveEpochs(window), 1);

    // Speed: ] and [ step through 1×, 2×, 5×, 10×, 50×.
    replay->setSpeed(1.0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_BracketRight);
    QCOMPARE(replay->speed(), 2.0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_BracketRight);
    QCOMPARE(replay->speed(), 5.0);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_BracketLeft);
    QCOMPARE(replay->speed(), 2.0);
    QCOMPARE(window.replayBar()->speedBox()->currentText(), QString("2×"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_BracketLeft);
    QCOMPARE(replay->speed(), 1.0);

    // Pause (Ctrl+Space) plays and pauses; paused, the clock moves and the epochs do not.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(replay->isPlaying());
    QCOMPARE(window.actions()->pause()->text(), QString("&Pause"));
    const ReplayTimeline timeline = replay->run().timeline();
    clock.advance(replay,
                  timeline.endOf(2) - timeline.endOf(1) + 0.001);  // 1×: the time line's own
    QCOMPARE(replay->epoch(), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Pause);
    QVERIFY(!replay->isPlaying());
    clock.advance(replay, 10.0);
    QCOMPARE(replay->epoch(), 2);
    QCOMPARE(liveEpochs(window), 2);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Pause);
    QVERIFY(replay->isPlaying());
    clock.advance(replay, timeline.endOf(3) - timeline.endOf(2) + 0.001);
    QCOMPARE(replay->epoch(), 3);
    QTest::qWait(200);
    saveArtifact(window, "replay-keys.png");

    // ... but a number field keeps what is typed into it: "." is a decimal point there, while
    // Pause still plays and pauses the replay.
    QDoubleSpinBox* rate = window.experimentPanel()->learningRateBox();
    window.experimentDock()->show();
    window.experimentDock()->raise();
    rate->setFocus();
    QTRY_VERIFY(rate->hasFocus());
    const double before = rate->value();
    replay->seek(1);
    rate->selectAll();
    QTest::keyClicks(rate, "0.05");
    QCOMPARE(replay->epoch(), 1);
    QCOMPARE(rate->text(), QString("0.05"));
    QTest::keyClick(rate, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(replay->isPlaying());
    QTest::keyClick(rate, Qt::Key_Space, Qt::ControlModifier);
    QVERIFY(!replay->isPlaying());
    rate->setValue(before);
    replay->seek(3);

    // Esc ends the replay; the charts keep what they show, the replay keys rest.
    QTest::keyClick(&window, Qt::Key_Escape);
    QVERIFY(!replay->isActive());
    QVERIFY(!window.replayBar()->isVisible());
    QCOMPARE(liveEpochs(window), 3);
    QVERIFY(!window.actions()->replayForward()->isEnabled());
    QVERIFY(!window.actions()->pause()->isEnabled());
    QTest::keyClick(&window, Qt::Key_Home);
    QCOMPARE(liveEpochs(window), 3);
}

void TestRunReplay::brokenFolderNamesTheFile() {
    const QString broken = g_home->path() + "/broken-run";
    QDir().mkpath(broken);
    {
        QFile config(broken + "/config.json");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{ \"epochs\": ");
    }
    MainWindow window;
    QVERIFY(shownAndActive(window));
    QString error;
    QVERIFY(!window.replayRun(broken, &error));
    QVERIFY2(error.contains(broken + "/config.json"), qPrintable(error));
    QVERIFY(!window.runReplay()->isActive());
    QVERIFY(!window.showRunAtEnd(g_home->path() + "/no-such-run", &error));
    QVERIFY2(error.contains("no-such-run") && error.contains("not a folder"), qPrintable(error));

    // Without an error string: a dialog naming the file; the window stays usable.
    QVERIFY(!window.replayRun(broken));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(box->text().contains("config.json"), qPrintable(box->text()));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);
    QVERIFY(window.actions()->start()->isEnabled());
    QVERIFY(window.replayRun(trainedRun()));
    window.runReplay()->close();
}

void TestRunReplay::trainingEndsAReplayAndRefusesOne() {
    MainWindow window;
    QVERIFY(shownAndActive(window));
    QVERIFY(window.replayRun(twentyEpochRun()));
    QVERIFY(window.runReplay()->isActive());
    RunConfig config = window.experimentPanel()->config();
    config.dataset = datasetSpec().toStdString();
    config.trainSize = 100;
    config.testSize = 50;
    config.epochs = 200;
    window.experimentPanel()->setConfig(config);
    window.actions()->start()->trigger();
    QVERIFY(!window.runReplay()->isActive());
    QVERIFY(!window.replayBar()->isVisible());
    QVERIFY(window.controller()->isActive());
    QCOMPARE(window.liveRun()->history().plannedEpochs(), 200);

    // No replay while a run trains: a message says why.
    QString error;
    QVERIFY(!window.replayRun(trainedRun(), &error));
    QVERIFY2(error.contains("training"), qPrintable(error));
    QVERIFY(!window.runReplay()->isActive());
    // The replay keys do nothing to the run; Esc stops it.
    QTest::keyClick(&window, Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 30000);
}

void TestRunReplay::runsMenuAndSelectionReplay() {
    const QString run = trainedRun();
    MainWindow window;
    QVERIFY(shownAndActive(window));
    window.runList()->refresh();
    QTRY_VERIFY(window.runList()->entry(run) != nullptr);
    // Nothing selected: Ctrl+R asks for a selection.
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window.findChild<QMessageBox*>()) != nullptr);
    QVERIFY2(box->text().contains("Select a run"), qPrintable(box->text()));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);

    auto* view = window.runList()->findChild<QTreeView*>("runsView");
    view->setCurrentIndex(window.runList()->sortedModel()->indexOf(run, 0));
    QCOMPARE(window.runList()->selectedDirectory(), run);
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier);
    QVERIFY(window.runReplay()->isActive());
    QCOMPARE(window.runReplay()->directory(), run);
    QVERIFY2(window.replayBar()->titleLabel()->toolTip().contains("replayed digits"),
             qPrintable(window.replayBar()->titleLabel()->toolTip()));
    QVERIFY(window.runStatusBar()->stateText().contains("replayed digits"));
    // The RUNS row's context menu has "Replay", which does the same.
    window.runReplay()->close();
    QVERIFY(!window.runReplay()->isActive());
    window.runsDock()->show();
    window.runsDock()->raise();
    QTRY_VERIFY(view->isVisible());
    const QRect row = view->visualRect(window.runList()->sortedModel()->indexOf(run, 0));
    bool offered = false;
    QTimer::singleShot(100, [&offered]() {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        if (menu == nullptr) return;
        for (QAction* action : menu->actions()) {
            if (action->text() == "Replay") {
                offered = true;
                action->trigger();
            }
        }
        menu->close();
    });
    QContextMenuEvent click(QContextMenuEvent::Mouse, row.center(),
                            view->viewport()->mapToGlobal(row.center()));
    QApplication::sendEvent(view->viewport(), &click);
    QVERIFY(offered);
    QVERIFY(window.runReplay()->isActive());
    QCOMPARE(window.runReplay()->directory(), run);
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    if (!useOffscreenScreen(home.path(), 1024, 768)) return 1;
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterReplayTest");
    TestRunReplay test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_run_replay.moc"
