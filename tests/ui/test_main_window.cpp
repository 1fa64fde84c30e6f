// Drives the real main window: presets, a tiny run to the end, pause/resume/stop, closing
// mid-run and a bad dataset folder. Screenshots go to SHATTER_ARTIFACT_DIR.
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSlider>
#include <QTemporaryDir>
#include <QTest>
#include <cstdlib>
#include <memory>

#include "experiment/corruption_preview.h"
#include "experiment/experiment_panel.h"
#include "experiment/preset_library.h"
#include "live/gallery_model.h"
#include "live/live_run.h"
#include "live/metric_plot.h"
#include "live/sample_gallery.h"
#include "live/transport_bar.h"
#include "run/run_reader.h"
#include "support/artifact.h"
#include "support/fixtures.h"
#include "window/main_window.h"
#include "window/status_bar.h"

using namespace shatter;

namespace {

QTemporaryDir* g_home = nullptr;

QString runsRoot() { return g_home->path() + "/data/shatter/runs"; }

QStringList runDirectories() {
    return QDir(runsRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

using test::saveArtifact;

// The epochs the window's live run holds so far.
int liveEpochs(const MainWindow& window) {
    return int(window.liveRun()->history().epochs().size());
}

// A live chart as it is drawn: "live-accuracy", "live-loss" or "live-generalization-gap".
MetricPlot* liveChart(const MainWindow& window, const QString& stem) {
    return window.findChild<MetricPlot*>(stem);
}

// The large-type line above the live charts, without its markup.
QString scoreText(const MainWindow& window) {
    QString text = window.findChild<QLabel*>("liveScore")->text();
    text.remove(QRegularExpression("<[^>]*>"));
    return text.replace("&nbsp;", " ");
}

// The resident memory of this process in MiB (VmRSS).
double residentMiB() {
    QFile status("/proc/self/status");
    if (!status.open(QIODevice::ReadOnly)) return 0.0;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    }
    return 0.0;
}

// The classroom preset shrunk to a test-sized run.
RunConfig tinyClassroom(MainWindow& window, int trainSize, int epochs) {
    if (!window.applyPreset("Classroom: random labels")) return {};
    RunConfig config = window.experimentPanel()->config();
    config.trainSize = trainSize;
    config.testSize = 200;
    config.epochs = epochs;
    window.experimentPanel()->setConfig(config);
    return config;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void presetsLoadAndFillThePanel();
    void tinyRunFinishesWithCurvesGalleryAndRunDirectory();
    void pauseResumeAndStop();
    void closingMidRunStopsQuicklyAndLeavesALoadableRun();
    void badFolderShowsAnErrorAndTheWindowStaysUsable();
    void wrongShapedDataIsRefusedWithAShortMessage();
    void divergingRunShowsWhyAndKeepsItsEpochs();
    void hugeLossesKeepTheChartsUsable();
    void settingsPersistBetweenLaunches();
    void manyRunsInOneWindowKeepMemoryBounded();
};

void TestMainWindow::presetsLoadAndFillThePanel() {
    const QStringList titles = PresetLibrary::titles();
    QVERIFY(titles.contains("Classroom: random labels"));
    QVERIFY(titles.contains("Classroom: true vs random"));
    QVERIFY(titles.size() >= 3 + 14);  // classroom presets and the 14 rows of Table 1

    MainWindow window;
    QVERIFY(window.applyPreset("Classroom: random labels"));
    const RunConfig config = window.experimentPanel()->config();
    QCOMPARE(config.dataset, std::string("fashion-mnist"));
    QCOMPARE(config.trainSize, 2000);
    QCOMPARE(config.testSize, 2000);
    QCOMPARE(config.model, std::string("mlp-1x512"));
    QCOMPARE(config.corruption, CorruptionMode::Labels);
    QCOMPARE(config.level, 1.0);
    QCOMPARE(config.learningRate.value_or(0), 0.01);
    QCOMPARE(config.lrDecay, 1.0);
    QCOMPARE(config.batchSize, 32);
    QCOMPARE(config.epochs, 60);
    QCOMPARE(config.seed, std::uint64_t(1));
    const QLocale locale;  // the panel writes numbers in the user's locale
    QVERIFY(window.experimentPanel()->levelReadout()->text().contains(locale.toString(2000)));
    // MLP 1x512 on 28x28x1 images: 784*512 + 512 + 512*10 + 10 parameters.
    QVERIFY(window.experimentPanel()->parameterReadout()->text().contains(locale.toString(407050)));

    // The level slider says live how many labels it will change.
    window.experimentPanel()->levelSlider()->setValue(40);
    QVERIFY2(window.experimentPanel()->levelReadout()->text().contains(locale.toString(800) + " of " + locale.toString(2000)),
             qPrintable(window.experimentPanel()->levelReadout()->text()));

    QVERIFY(window.applyPreset("Table 1: Inception, random labels"));
    QVERIFY(window.experimentPanel()->config().dataset.rfind("cifar10:", 0) == 0);
    QVERIFY(!window.applyPreset("no such preset"));

    // The corruption preview fills once the built-in dataset has loaded in the background.
    window.applyPreset("Classroom: random labels");
    QTRY_VERIFY_WITH_TIMEOUT(window.corruptionPreview()->imageCount() > 0, 20000);
}

void TestMainWindow::tinyRunFinishesWithCurvesGalleryAndRunDirectory() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    const RunConfig config = tinyClassroom(window, 200, 3);
    const int before = runDirectories().size();

    QTest::mouseClick(window.transportBar()->startButton(), Qt::LeftButton);
    QVERIFY(window.controller()->isActive());
    QVERIFY(!window.transportBar()->startButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);

    // The live run holds every epoch; every curve drawn has one point per epoch.
    const std::vector<EpochMetrics>& epochs = window.liveRun()->history().epochs();
    QCOMPARE(int(epochs.size()), 3);
    for (const QString stem : {"live-accuracy", "live-loss", "live-generalization-gap"}) {
        QTRY_COMPARE(int(liveChart(window, stem)->figureData().series.front().x.size()), 3);
        for (const FigureData::Series& series : liveChart(window, stem)->figureData().series) {
            QCOMPARE(int(series.x.size()), 3);
        }
    }
    const FigureData::Series trainAcc =
        liveChart(window, "live-accuracy")->figureData().series.front();
    QCOMPARE(trainAcc.name, std::string("train"));
    QCOMPARE(trainAcc.y.back(), 100.0 * epochs.back().trainAcc);
    QVERIFY2(scoreText(window).contains("epoch 3/3"), qPrintable(scoreText(window)));
    QVERIFY(scoreText(window).contains("train "));

    // The gallery shows training images with their true and assigned labels.
    SampleGallery* gallery = window.sampleGallery();
    QVERIFY(gallery->data());
    QCOMPARE(int(gallery->data()->train.size()), 200);
    QVERIFY(!gallery->shownIndices().empty());
    const QAbstractItemModel* tiles = gallery->grid()->model();
    QCOMPARE(tiles->rowCount(), int(gallery->shownIndices().size()));
    const auto& data = *gallery->data();
    for (int row = 0; row < tiles->rowCount(); ++row) {
        const int index = tiles->index(row, 0).data(GalleryModel::ExampleRole).toInt();
        QCOMPARE(index, gallery->shownIndices()[std::size_t(row)]);
        const QString tip = tiles->index(row, 0).data(Qt::ToolTipRole).toString();
        const QString trueName = QString::fromStdString(data.classNames[data.trueLabels[index]]);
        const QString assigned = QString::fromStdString(data.classNames[data.train.labels[index]]);
        QVERIFY2(tip.startsWith("true: " + trueName + "\nlabel: " + assigned), qPrintable(tip));
        QVERIFY(tip.contains("predicted: "));
        QCOMPARE(tip.contains("(corrupted)"), data.corrupted[index] != 0);
    }
    // Clicking an image shows its prediction per epoch.
    QListView* grid = gallery->grid();
    const QRect first = grid->visualRect(tiles->index(0, 0));
    QTest::mouseClick(grid->viewport(), Qt::LeftButton, {}, first.center());
    QVERIFY2(gallery->historyText().contains("3: "), qPrintable(gallery->historyText()));
    gallery->setFilter(SampleGallery::Filter::Corrupted);
    for (int index : gallery->shownIndices()) QVERIFY(data.corrupted[index]);
    gallery->setFilter(SampleGallery::Filter::All);
    // The scrubber: every tile as it was predicted after epoch 1, then after the last, with the
    // examples fitted last first.
    window.samplesDock()->show();
    window.samplesDock()->raise();
    gallery->setOrder(SampleGallery::Order::LastFitted);
    gallery->setEpoch(1);
    QCOMPARE(gallery->shownEpoch(), 1);
    saveArtifact(*gallery, "gallery-epoch-1-fitted-last-first.png");
    gallery->setEpoch(3);
    QCOMPARE(gallery->shownEpoch(), 3);
    saveArtifact(*gallery, "gallery-epoch-3-fitted-last-first.png");
    gallery->setOrder(SampleGallery::Order::Dataset);

    // A run directory in $XDG_DATA_HOME/shatter/runs that loads.
    const QStringList runs = runDirectories();
    QCOMPARE(runs.size(), before + 1);
    const RunRecord record = RunReader::load((runsRoot() + "/" + runs.last()).toStdString());
    QCOMPARE(int(record.epochs.size()), 3);
    QVERIFY(record.hasSummary);
    QCOMPARE(toString(record.summary.status), std::string("finished"));
    QCOMPARE(record.config.trainSize, config.trainSize);
    QVERIFY(window.runStatusBar()->currentMessage().isEmpty());
    QCOMPARE(window.runStatusBar()->epochText(), QString("epoch 3/3"));

    window.lowerTabs()->setCurrentIndex(0);
    saveArtifact(window, "main-window-finished.png");
    window.lowerTabs()->setCurrentIndex(1);
    saveArtifact(window, "main-window-corruption-preview.png");
}

void TestMainWindow::pauseResumeAndStop() {
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    tinyClassroom(window, 2000, 60);

    QTest::keyClick(&window, Qt::Key_Space);  // Space starts
    QVERIFY(window.controller()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) >= 12, 60000);
    QCOMPARE(window.controller()->state(), TrainingController::State::Running);
    saveArtifact(window, "main-window-mid-run.png");

    QTest::mouseClick(window.transportBar()->pauseButton(), Qt::LeftButton);
    QCOMPARE(window.controller()->state(), TrainingController::State::Paused);
    QCOMPARE(window.transportBar()->pauseButton()->text(), QString("Resume"));
    QTest::qWait(1200);  // an epoch in flight may still end
    const int paused = liveEpochs(window);
    QTest::qWait(1200);
    QCOMPARE(liveEpochs(window), paused);

    QTest::keyClick(&window, Qt::Key_Space);  // Space resumes
    QCOMPARE(window.controller()->state(), TrainingController::State::Running);
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) > paused, 30000);

    // The learning rate stays editable mid-run; the data settings are locked.
    QVERIFY(!window.transportBar()->startButton()->isEnabled());
    QVERIFY(!window.experimentPanel()->levelSlider()->isEnabled());
    QDoubleSpinBox* lr = window.experimentPanel()->learningRateBox();
    QVERIFY(lr->isEnabled());
    lr->setValue(0.005);
    const int changedAt = liveEpochs(window);
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) >= changedAt + 2, 30000);

    QTest::keyClick(&window, Qt::Key_Escape);  // Esc stops
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 5000);
    QVERIFY(window.experimentPanel()->levelSlider()->isEnabled());
    const RunRecord record =
        RunReader::load(window.controller()->runDirectory().toStdString());
    QCOMPARE(toString(record.summary.status), std::string("stopped"));
    QVERIFY(record.epochs.size() < 60);
    QCOMPARE(record.epochs.back().lr, 0.005);  // the live change reached the trainer
}

void TestMainWindow::closingMidRunStopsQuicklyAndLeavesALoadableRun() {
    auto window = std::make_unique<MainWindow>();
    window->show();
    tinyClassroom(*window, 2000, 60);
    window->startRun();
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(*window) >= 1, 60000);
    const QString directory = window->controller()->runDirectory();
    QVERIFY(!directory.isEmpty());

    QElapsedTimer timer;
    timer.start();
    QVERIFY(window->close());
    window.reset();
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed()) + " ms"));

    const RunRecord record = RunReader::load(directory.toStdString());
    QVERIFY(record.epochs.size() >= 1);
    QVERIFY(record.hasSummary);
    QCOMPARE(toString(record.summary.status), std::string("stopped"));
}

void TestMainWindow::badFolderShowsAnErrorAndTheWindowStaysUsable() {
    MainWindow window;
    window.show();
    RunConfig config = tinyClassroom(window, 200, 2);
    config.dataset = "mnist:" + (g_home->path() + "/no-such-folder").toStdString();
    window.experimentPanel()->setConfig(config);
    window.startRun();

    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>()) && box->isVisible(), 10000);
    QVERIFY2(box->text().contains("no-such-folder"), qPrintable(box->text()));
    QVERIFY2(box->text().size() < 400 && !box->text().contains("frame #"), qPrintable(box->text()));
    QVERIFY(!window.controller()->isActive());
    // The status bar no longer says the data is loading.
    QVERIFY2(!window.runStatusBar()->stateText().contains("Loading"), qPrintable(window.runStatusBar()->stateText()));
    QVERIFY(window.runStatusBar()->stateText().contains("no-such-folder"));
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);

    // Space starts the next run, which fails the same way.
    QTest::keyClick(&window, Qt::Key_Space);
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>()) && box->isVisible(), 10000);
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);

    // The window carries on: a good run afterwards finishes.
    config.dataset = "fashion-mnist";
    window.experimentPanel()->setConfig(config);
    QVERIFY(window.transportBar()->startButton()->isEnabled());
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
    QCOMPARE(liveEpochs(window), 2);
}

// Data that parses but cannot be trained on (images smaller than the networks take): a short
// message naming the file, no stack trace, and no run folder left behind.
void TestMainWindow::wrongShapedDataIsRefusedWithAShortMessage() {
    const QString folder = g_home->path() + "/tiny-images";
    test::writeMnistFolder(folder.toStdString(), test::makeSyntheticDataset(5, 2, 10, 1, 4), false);
    MainWindow window;
    window.show();
    RunConfig config = tinyClassroom(window, 20, 2);
    config.dataset = "mnist:" + folder.toStdString();
    config.testSize = 10;
    window.experimentPanel()->setConfig(config);
    const int runsBefore = runDirectories().size();
    window.startRun();

    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>()) && box->isVisible(), 10000);
    QVERIFY2(box->text().contains("train-images-idx3-ubyte") && box->text().contains("4x4"), qPrintable(box->text()));
    QVERIFY2(box->text().size() < 400 && !box->text().contains("frame #"), qPrintable(box->text()));
    QTRY_VERIFY(!window.controller()->isActive());
    QVERIFY(window.runStatusBar()->stateText().contains("4x4"));
    QCOMPARE(runDirectories().size(), runsBefore);
    box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);
    QVERIFY(window.transportBar()->startButton()->isEnabled());
}

void TestMainWindow::divergingRunShowsWhyAndKeepsItsEpochs() {
    MainWindow window;
    window.show();
    RunConfig config = tinyClassroom(window, 200, 20);
    config.corruption = CorruptionMode::None;
    config.learningRate = 99.0;  // far too large: the loss overflows within a few epochs
    config.momentum = 0.99;
    window.experimentPanel()->setConfig(config);
    const int runsBefore = runDirectories().size();
    window.startRun();

    QMessageBox* box = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((box = window.findChild<QMessageBox*>()) && box->isVisible(), 60000);
    QVERIFY2(box->text().contains("diverged") && box->text().contains("learning rate"), qPrintable(box->text()));
    QTRY_VERIFY(!window.controller()->isActive());
    box->button(QMessageBox::Ok)->click();

    // The run folder says so, with the epochs that finished before the loss blew up.
    const QStringList runs = runDirectories();
    QCOMPARE(runs.size(), runsBefore + 1);
    QString newest;
    for (const QString& run : runs) newest = std::max(newest, run);
    const RunRecord record = RunReader::load((runsRoot() + "/" + newest).toStdString());
    QCOMPARE(toString(record.summary.status), std::string("diverged"));
    QCOMPARE(int(record.epochs.size()), record.summary.epochs);
    QVERIFY(window.transportBar()->startButton()->isEnabled());
}

void TestMainWindow::hugeLossesKeepTheChartsUsable() {
    // Learning rate 50 takes the loss from 2 to about 1e20 and 1e32 within two epochs. Laying
    // the loss chart out with the previous tick step once asked QCustomPlot for ~1e20 tick
    // marks and ran the machine out of memory.
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    RunConfig config = tinyClassroom(window, 200, 5);
    config.corruption = CorruptionMode::None;
    config.learningRate = 50.0;
    window.experimentPanel()->setConfig(config);
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
    QTest::qWait(300);  // the last queued replot
    QVERIFY(!liveChart(window, "live-loss")->figureData().series.front().x.empty());
    QVERIFY(liveChart(window, "live-loss")->yTickCount() <= 6);
    if (QMessageBox* box = window.findChild<QMessageBox*>()) box->button(QMessageBox::Ok)->click();
}

void TestMainWindow::settingsPersistBetweenLaunches() {
    {
        MainWindow window;
        RunConfig config = tinyClassroom(window, 1234, 7);
        config.seed = 42;
        window.experimentPanel()->setConfig(config);
        window.close();
    }
    MainWindow again;
    const RunConfig restored = again.experimentPanel()->config();
    QCOMPARE(restored.trainSize, 1234);
    QCOMPARE(restored.epochs, 7);
    QCOMPARE(restored.seed, std::uint64_t(42));
    // Edited settings are no longer the preset's: the box says "custom settings".
    QCOMPARE(again.transportBar()->currentPreset(), QString());

    // Settings that still are a preset's come back as that preset.
    again.applyPreset("Classroom: random labels");
    again.close();
    MainWindow third;
    QCOMPARE(third.transportBar()->currentPreset(), QString("Classroom: random labels"));
}

void TestMainWindow::manyRunsInOneWindowKeepMemoryBounded() {
    // SHATTER_SOAK_RUNS runs one after the other in one window (default 6; the soak uses 50).
    const int runs = qEnvironmentVariableIsSet("SHATTER_SOAK_RUNS") ? qEnvironmentVariableIntValue("SHATTER_SOAK_RUNS") : 6;
    MainWindow window;
    window.show();
    tinyClassroom(window, 200, 1);
    double settled = 0.0;
    for (int run = 0; run < runs; ++run) {
        window.startRun();
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
        QVERIFY(window.findChild<QMessageBox*>() == nullptr);
        if (run == 1) settled = residentMiB();  // after the dataset and LibTorch are in memory
    }
    const double last = residentMiB();
    qInfo("%d runs: resident %.0f MiB after run 2, %.0f MiB after run %d", runs, settled, last, runs);
    // Growth per run stays below 1 MiB on average, with 40 MiB of slack for caches and the list.
    QVERIFY2(last - settled < 40.0 + 1.0 * runs, qPrintable(QString("%1 -> %2 MiB").arg(settled).arg(last)));
}

int main(int argc, char* argv[]) {
    // Keep settings and run directories inside a temporary home.
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterTest");
    TestMainWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_main_window.moc"
