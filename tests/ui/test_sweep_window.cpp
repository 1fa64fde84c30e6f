// The sweep from the window: SweepController's queue order, cancel and resume of the rest; the
// dialog's plan and progress; Figure 1 filled from the finished sweep; presentation mode and
// the figure set. Screenshots go to SHATTER_ARTIFACT_DIR.
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTest>

#include "common/plot_theme.h"
#include "experiment/experiment_panel.h"
#include "figures/figure1_view.h"
#include "figures/figure_plot.h"
#include "live/live_run.h"
#include "live/metric_plot.h"
#include "live/training_controller.h"
#include "live/transport_bar.h"
#include "run/run_reader.h"
#include "support/artifact.h"
#include "support/fixtures.h"
#include "live/sample_gallery.h"
#include "sweep/dialog_placement.h"
#include "sweep/sweep_controller.h"
#include "sweep/sweep_dialog.h"
#include "sweep/sweep_record.h"
#include "window/main_window.h"

using namespace shatter;

namespace {

QTemporaryDir* g_home = nullptr;
QTemporaryDir* g_data = nullptr;

SweepPlan tinyPlan(int epochs) {
    SweepPlan plan;
    plan.base.dataset = "mnist:" + g_data->path().toStdString();
    plan.base.epochs = epochs;
    plan.base.batchSize = 16;
    plan.base.threads = 1;
    plan.levels = {0.0, 0.5, 1.0};
    return plan;
}

using test::saveArtifact;

}  // namespace

class TestSweep : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void controllerRunsThePointsInWorkerProcesses() {
        SweepController controller;
        QSignalSpy started(&controller, &SweepController::pointStarted);
        QSignalSpy ended(&controller, &SweepController::pointFinished);
        QSignalSpy finished(&controller, &SweepController::finished);
        const QString directory = SweepController::newSweepDirectory();
        controller.start(tinyPlan(2), directory, 2);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(started.count(), 3);
        QCOMPARE(ended.count(), 3);
        for (const char* point :
             {"mlp-1x512-none", "mlp-1x512-labels-50", "mlp-1x512-labels-100"}) {
            QCOMPARE(
                toString(RunReader::load((directory + "/" + point).toStdString()).summary.status),
                std::string("finished"));
        }
        QVERIFY(SweepRecord::load(directory.toStdString()).executor == SweepExecutor::Processes);
    }

    void controllerRunsThePointsInOrderIntoTheRunsFolder() {
        SweepController controller;
        QSignalSpy started(&controller, &SweepController::pointStarted);
        QSignalSpy finished(&controller, &SweepController::finished);
        QSignalSpy epochs(&controller, &SweepController::epochEnded);
        const QString directory = SweepController::newSweepDirectory();
        QVERIFY(QFileInfo(directory).fileName().startsWith("sweep-"));
        QCOMPARE(QFileInfo(directory).path(), TrainingController::runsRoot());
        controller.start(tinyPlan(2), directory);
        QVERIFY(controller.isActive());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QVERIFY(!controller.isActive());
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(started.count(), 3);
        QCOMPARE(started[0][2].toString(), QString("mlp-1x512-none"));
        QCOMPARE(started[1][2].toString(), QString("mlp-1x512-labels-50"));
        QCOMPARE(started[2][2].toString(), QString("mlp-1x512-labels-100"));
        QCOMPARE(started[2][1].toInt(), 3);
        QCOMPARE(epochs.count(), 3 * 2);
        const SweepRecord record = SweepRecord::load(directory.toStdString());
        QCOMPARE(int(record.points.size()), 3);
        for (const auto& point : record.points) QCOMPARE(toString(point.status), std::string("finished"));
    }

    void cancelStopsTheSweepAndStartingAgainResumesTheRest() {
        const QString directory = SweepController::newSweepDirectory();
        {
            SweepController controller;
            QSignalSpy finished(&controller, &SweepController::finished);
            QSignalSpy points(&controller, &SweepController::pointFinished);
            connect(&controller, &SweepController::pointStarted, &controller,
                    [&controller](int index) { if (index == 1) controller.cancel(); });
            controller.start(tinyPlan(40), directory);
            QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
            QCOMPARE(finished[0][1].toBool(), true);  // cancelled
            QCOMPARE(points.count(), 2);
            const SweepRecord record = SweepRecord::load(directory.toStdString());
            QCOMPARE(int(record.points.size()), 2);
            QCOMPARE(toString(record.points[0].status), std::string("finished"));
            QCOMPARE(toString(record.points[1].status), std::string("stopped"));
        }
        SweepController controller;
        QSignalSpy skipped(&controller, &SweepController::pointSkipped);
        QSignalSpy started(&controller, &SweepController::pointStarted);
        QSignalSpy finished(&controller, &SweepController::finished);
        SweepPlan plan = tinyPlan(40);
        plan.base.stopWhenFit = true;  // the rest quickly
        controller.start(plan, directory);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished[0][1].toBool(), false);
        QCOMPARE(skipped.count(), 1);
        QCOMPARE(skipped[0][2].toString(), QString("mlp-1x512-none"));
        QCOMPARE(started.count(), 2);
        QCOMPARE(started[0][2].toString(), QString("mlp-1x512-labels-50"));
        const SweepRecord record = SweepRecord::load(directory.toStdString());
        QCOMPARE(int(record.points.size()), 3);
        for (const auto& point : record.points) QCOMPARE(toString(point.status), std::string("finished"));
    }

    void shutdownMidSweepReturnsQuickly() {
        SweepController controller;
        QSignalSpy epochs(&controller, &SweepController::epochEnded);
        controller.start(tinyPlan(200), SweepController::newSweepDirectory());
        QTRY_VERIFY_WITH_TIMEOUT(epochs.count() >= 1, 30000);
        QElapsedTimer timer;
        timer.start();
        controller.shutdown();
        QVERIFY(!controller.isActive());
        QVERIFY(timer.elapsed() < 2000);
    }

    void dialogSweepFillsTheLiveViewAndFigure1() {
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        RunConfig config = window.experimentPanel()->config();
        config.dataset = "fashion-mnist";
        config.trainSize = 300;
        config.testSize = 300;
        config.model = "mlp-1x512";
        config.corruption = CorruptionMode::Labels;
        config.level = 1.0;
        config.epochs = 3;
        config.batchSize = 32;
        config.learningRate = 0.01;
        config.threads = 1;
        window.experimentPanel()->setConfig(config);

        SweepDialog* dialog = window.openSweep();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        // Not modal: the window stays usable while the sweep runs.
        QVERIFY(!dialog->isModal());
        QCOMPARE(dialog->windowModality(), Qt::NonModal);
        QVERIFY(QApplication::activeModalWidget() == nullptr);
        // The defaults: the paper's levels, the panel's model and labels mode.
        SweepPlan plan = dialog->plan();
        QCOMPARE(plan.levels, (std::vector<double>{0, 0.2, 0.4, 0.6, 0.8, 1.0}));
        QCOMPARE(plan.models, (std::vector<std::string>{"mlp-1x512"}));
        QCOMPARE(plan.modes, (std::vector<CorruptionMode>{CorruptionMode::Labels}));
        QCOMPARE(plan.base.trainSize, 300);
        dialog->setLevelsText("0, 0.5, x");
        QVERIFY(!dialog->startButton()->isEnabled());
        dialog->setLevelsText("0, 0.5, 1");
        dialog->setModes({CorruptionMode::Labels, CorruptionMode::Gaussian});
        QVERIFY(dialog->startButton()->isEnabled());
        plan = dialog->plan();
        // One true-labels run stands for level 0 of both modes (it used to run once per mode).
        QCOMPARE(int(plan.points().size()), 5);

        SweepController* sweeps = window.sweepController();
        // The dialog's text as each point starts, taken when it is set: a point here lasts about
        // a tenth of a second, so a poll of the text can miss a whole point (the sweep then ends
        // while the poll still waits for it).
        QStringList pointTexts;
        QObject watcher;  // goes before pointTexts, and its connections with it
        connect(sweeps, &SweepController::pointStarted, &watcher,
                [&pointTexts, dialog]() { pointTexts << dialog->progressText(); });
        // The GUI thread held up at the end of the first point, as on a busy machine: the second
        // point starts and ends before the event loop runs again.
        connect(sweeps, &SweepController::pointFinished, &watcher, [](int index) {
            if (index == 0) QThread::msleep(500);
        });
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QVERIFY(sweeps->isActive());
        QVERIFY(dialog->cancelButton()->isEnabled());
        QVERIFY(!window.transportBar()->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(pointTexts.size() >= 2, 60000);
        QVERIFY2(pointTexts[1].startsWith("point 2 of 5: mlp-1x512-labels-50"),
                 qPrintable(pointTexts[1]));
        // The gallery follows the sweep's run in progress.
        QTRY_VERIFY_WITH_TIMEOUT(window.sampleGallery()->data() != nullptr, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!sweeps->isActive(), 120000);
        QVERIFY2(dialog->progressText().startsWith("Finished"), qPrintable(dialog->progressText()));
        QCOMPARE(dialog->progressBar()->value(), 5);
        QCOMPARE(int(pointTexts.size()), 5);
        // The live view followed the last run.
        QCOMPARE(int(window.liveRun()->history().epochs().size()), 3);
        // The chart redraws on the next turn of the event loop after the last epoch.
        const MetricPlot* accuracy = window.findChild<MetricPlot*>("live-accuracy");
        QTRY_COMPARE(int(accuracy->figureData().series.front().x.size()), 3);
        QVERIFY(window.transportBar()->isEnabled());

        // Figure 1 comes from the sweep's runs.
        Figure1View* figure = window.figure1View();
        QCOMPARE(window.viewTabs()->currentWidget(), figure);
        QCOMPARE(int(figure->runs().size()), 5);
        QCOMPARE(int(figure->lossPlot()->figure().series.size()), 3);  // true, random labels, Gaussian
        QCOMPARE(int(figure->timePlot()->figure().series.size()), 2);
        // Each mode's curve starts at level 0 with the one baseline run.
        const FigureData error = figure->errorPlot()->figure();
        QCOMPARE(int(error.series.size()), 2);
        for (const FigureData::Series& series : error.series) {
            QCOMPARE(series.x, (std::vector<double>{0.0, 0.5, 1.0}));
            QCOMPARE(series.y.front(), error.series.front().y.front());
        }
        dialog->close();
        saveArtifact(window, "sweep-figure1-window.png");
        figure->resize(1500, 420);
        saveArtifact(*figure, "sweep-figure1-view.png");

        // Export figure set: Figure 1, live curves and the gallery sheet of the sweep's last run
        // (it used to be left out without a word after a sweep).
        const QString folder = g_home->path() + "/figure-set";
        const QStringList files = window.exportFigureSet(folder);
        for (const QString stem : {"figure1a-training-loss", "figure1b-epochs-to-fit", "figure1b-slowdown",
                                    "figure1c-test-error", "live-accuracy", "live-loss", "live-generalization-gap"}) {
            for (const QString suffix : {".png", ".svg", ".pdf", ".csv"}) {
                QVERIFY2(files.contains(folder + "/" + stem + suffix), qPrintable(stem + suffix));
                QVERIFY(QFileInfo(folder + "/" + stem + suffix).size() > 0);
            }
        }
        QVERIFY(files.contains(folder + "/gallery-true-vs-assigned-labels.png"));
        QVERIFY(QApplication::activeModalWidget() == nullptr);
    }

    // Without any run's images the figure set says that its gallery sheet is missing.
    void figureSetWithoutImagesSaysTheGalleryIsMissing() {
        MainWindow window;
        window.show();
        QVERIFY(window.sampleGallery()->data() == nullptr);
        const QString folder = g_home->path() + "/figure-set-no-gallery";
        const QStringList files = window.exportFigureSet(folder);
        QVERIFY(!files.isEmpty());
        QVERIFY(!files.contains(folder + "/gallery-true-vs-assigned-labels.png"));
        QMessageBox* box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox*>()) != nullptr);
        QVERIFY2(box->text().contains("gallery sheet"), qPrintable(box->text()));
        box->close();
    }

    // The sweep dialog goes where the live charts stay in sight.
    void sweepDialogKeepsClearOfTheCharts() {
        const QRect screen(0, 0, 1920, 1080);
        const QRect charts(400, 60, 1100, 500);
        const QSize dialog(480, 560);
        // Room beside the window: there.
        QRect window(0, 100, 1280, 800);
        QPoint at = DialogPlacement::clearOf(dialog, charts.translated(0, 40), window, screen);
        QVERIFY(!QRect(at, dialog).intersects(window));
        QVERIFY(screen.contains(QRect(at, dialog)));
        // A maximized window: over the panels beside the charts, never over them.
        window = screen;
        at = DialogPlacement::clearOf(dialog, QRect(340, 60, 1100, 500), window, screen);
        QVERIFY(!QRect(at, dialog).intersects(QRect(340, 60, 1100, 500)));
        QVERIFY(screen.contains(QRect(at, dialog)));
        // A small screen: on it, whatever happens.
        const QRect small(0, 0, 1024, 768);
        at = DialogPlacement::clearOf(dialog, QRect(300, 60, 500, 400), small, small);
        QVERIFY(small.contains(QRect(at, dialog)));
    }

    // The classroom sweep of the paper's Figure 1 from the window (Fashion-MNIST, 2,000 images,
    // MLP 1x512, levels 0..1 step 0.2). Minutes, so only when SHATTER_GUI_SWEEP_EPOCHS is set.
    void classroomSweepFromTheWindow() {
        const int epochs = qEnvironmentVariableIntValue("SHATTER_GUI_SWEEP_EPOCHS");
        if (epochs <= 0) QSKIP("set SHATTER_GUI_SWEEP_EPOCHS to run the classroom sweep");
        MainWindow window;
        window.resize(1280, 800);
        window.show();
        QVERIFY(window.applyPreset("Classroom: random labels"));
        SweepDialog* dialog = window.openSweep();
        dialog->setEpochs(epochs);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!window.sweepController()->isActive(), 3600 * 1000);
        QCOMPARE(int(window.figure1View()->runs().size()), 6);
        qInfo("sweep folder: %s", qPrintable(window.sweepController()->directory()));
        dialog->close();
        saveArtifact(window, "classroom-sweep-window.png");
        window.figure1View()->resize(1500, 460);
        saveArtifact(*window.figure1View(), "classroom-sweep-figure1.png");
        window.figure1View()->setSlowdown(true);
        saveArtifact(*window.figure1View(), "classroom-sweep-figure1-slowdown.png");
    }

    void presentationModeAndDarkThemePersistAndApply() {
        {
            MainWindow window;
            window.resize(1280, 800);
            window.show();
            QVERIFY(!window.presentationAction()->isChecked());
            const double normalPoint = QApplication::font().pointSizeF();
            window.presentationAction()->trigger();
            window.darkAction()->trigger();
            QVERIFY(PlotTheme::current().presentation);
            QVERIFY(PlotTheme::current().dark);
            QVERIFY(QApplication::font().pointSizeF() > normalPoint);
            QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 80);
            // A finished run's gallery and curves in presentation mode.
            RunConfig config = window.experimentPanel()->config();
            config.dataset = "fashion-mnist";
            config.trainSize = 200;
            config.testSize = 200;
            config.epochs = 3;
            window.experimentPanel()->setConfig(config);
            window.startRun();
            QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
            saveArtifact(window, "presentation-dark-window.png");
            const QString folder = QString(SHATTER_ARTIFACT_DIR) + "/figure-set-presentation-dark";
            QDir(folder).removeRecursively();
            const QStringList files = window.exportFigureSet(folder);
            QVERIFY(files.contains(folder + "/gallery-true-vs-assigned-labels.png"));
            const QImage loss(folder + "/live-loss.png");
            QCOMPARE(loss.size(), QSize(1600, 1000));
            QCOMPARE(loss.pixelColor(1, 1), PlotTheme::current().background());
            window.close();
        }
        QCOMPARE(QSettings().value("appearance/presentation").toBool(), true);
        MainWindow again;
        QVERIFY(again.presentationAction()->isChecked());
        QVERIFY(again.darkAction()->isChecked());
        again.presentationAction()->trigger();
        again.darkAction()->trigger();
        QVERIFY(!PlotTheme::current().presentation && !PlotTheme::current().dark);
        QCOMPARE(QApplication::palette().color(QPalette::Window).lightness() > 120, true);
    }
};

int main(int argc, char* argv[]) {
    QTemporaryDir home, data;
    g_home = &home;
    g_data = &data;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    test::writeMnistFolder(data.path().toStdString(), test::makeSyntheticDataset(10, 5, 10, 1, 28), false);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterSweepTest");
    TestSweep test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_sweep_window.moc"
