// The window's controls for teaching: the pace, Step, what the header and the status bar say
// after a start that failed, the preset box and banner against edited settings, the divergence
// dialog, and numbers typed into the panel that the old spin boxes changed silently.
#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QElapsedTimer>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

#include "common/app_settings.h"
#include "experiment/experiment_panel.h"
#include "live/live_run.h"
#include "live/transport_bar.h"
#include "window/main_window.h"
#include "window/status_bar.h"

using namespace shatter;
using State = TrainingController::State;

namespace {

QTemporaryDir* g_home = nullptr;

int liveEpochs(const MainWindow& window) {
    return int(window.liveRun()->history().epochs().size());
}

// The large-type line above the live charts, without its markup.
QString scoreText(const MainWindow& window) {
    QString text = window.findChild<QLabel*>("liveScore")->text();
    text.remove(QRegularExpression("<[^>]*>"));
    return text.replace("&nbsp;", " ");
}

// The classroom preset shrunk to a test-sized run (which makes the settings custom).
RunConfig tinyClassroom(MainWindow& window, int trainSize, int epochs) {
    if (!window.applyPreset("Classroom: random labels")) return {};
    RunConfig config = window.experimentPanel()->config();
    config.trainSize = trainSize;
    config.testSize = 200;
    config.epochs = epochs;
    window.experimentPanel()->setConfig(config);
    return config;
}

// Chooses a pace in the transport bar as a user does.
void choosePace(MainWindow& window, const QString& title) {
    QComboBox* box = window.transportBar()->paceBox();
    const int index = box->findText(title);
    QVERIFY2(index >= 0, qPrintable(title));
    box->setCurrentIndex(index);
    Q_EMIT box->activated(index);
}

// Types `text` into a spin box and presses Enter.
template <typename Box>
void typeInto(Box* box, const QString& text) {
    box->setFocus();
    box->selectAll();
    QTest::keyClicks(box, text);
    QTest::keyClick(box, Qt::Key_Return);
}

QMessageBox* waitForDialog(MainWindow& window, int timeoutMs) {
    QMessageBox* box = nullptr;
    if (!QTest::qWaitFor(
            [&] { return (box = window.findChild<QMessageBox*>()) && box->isVisible(); },
            timeoutMs)) {
        return nullptr;
    }
    return box;
}

void closeDialog(MainWindow& window) {
    if (QMessageBox* box = window.findChild<QMessageBox*>()) box->button(QMessageBox::Ok)->click();
    QTRY_VERIFY(window.findChild<QMessageBox*>() == nullptr);
}

}  // namespace

class TestClassroomControls : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void classroomPresetsComeWithAThirtySecondPace();
    void paceSpacesTheEpochsAndIsRemembered();
    void stepFromPausedTrainsOneEpochAndPausesAgain();
    void failedStartLeavesHeaderAndStatusBarIdle();
    void presetBoxAndBannerFollowTheSettings();
    void divergenceIsExplainedOnce();
    void typedNumbersAreNeverChangedSilently();
};

void TestClassroomControls::classroomPresetsComeWithAThirtySecondPace() {
    MainWindow window;
    QVERIFY(window.applyPreset("Classroom: random labels"));
    QCOMPARE(window.transportBar()->pace(), EpochPace::duration(30));
    QCOMPARE(window.transportBar()->paceBox()->currentText(), QString("About 30 s"));
    QCOMPARE(window.controller()->pace(), EpochPace::duration(30));
    QCOMPARE(AppSettings::demoPace.value(), QString("30s"));
    // A preset without a pace leaves the chosen one.
    choosePace(window, "As fast as possible");
    QVERIFY(window.applyPreset("Table 1: MLP 1x512"));
    QCOMPARE(window.transportBar()->pace(), EpochPace::fastest());
}

void TestClassroomControls::paceSpacesTheEpochsAndIsRemembered() {
    {
        MainWindow window;
        window.show();
        tinyClassroom(window, 200, 3);
        choosePace(window, "2 epochs per second");
        QCOMPARE(window.controller()->pace(), EpochPace::perSecond(2));
        window.startRun();
        QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) >= 1, 60000);
        QElapsedTimer sinceFirst;
        sinceFirst.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
        const qint64 afterFirst = sinceFirst.elapsed();
        const std::vector<EpochMetrics>& epochs = window.liveRun()->history().epochs();
        QCOMPARE(int(epochs.size()), 3);
        // Each epoch trains in milliseconds (in a sanitizer build, longer than the interval);
        // paced, the third starts two intervals into the run, so the run ends at least two
        // intervals less the first epoch's own time after the first epoch (an epoch that runs
        // late is caught up on), and the wait never counts as training time.
        const double first = epochs.front().epochSeconds;
        QVERIFY2(afterFirst >= 900 - qint64(1000 * first),
                 qPrintable(QString("%1 ms after a first epoch of %2 s").arg(afterFirst).arg(first)));
        for (const EpochMetrics& m : epochs)
            QVERIFY2(m.epochSeconds < std::max(0.45, 3 * first), qPrintable(QString::number(m.epochSeconds)));
        window.close();
    }
    MainWindow again;
    QCOMPARE(again.transportBar()->pace(), EpochPace::perSecond(2));
    QCOMPARE(again.controller()->pace(), EpochPace::perSecond(2));
}

void TestClassroomControls::stepFromPausedTrainsOneEpochAndPausesAgain() {
    MainWindow window;
    window.show();
    tinyClassroom(window, 200, 30);
    choosePace(window, "As fast as possible");
    TransportBar* transport = window.transportBar();
    QVERIFY(!transport->stepButton()->isEnabled());
    window.startRun();
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) >= 1, 60000);
    QVERIFY(!transport->stepButton()->isEnabled());  // only while paused
    QTest::mouseClick(transport->pauseButton(), Qt::LeftButton);
    QCOMPARE(window.controller()->state(), State::Paused);
    QVERIFY(transport->stepButton()->isEnabled());
    QTest::qWait(800);  // an epoch in flight may still end
    const int paused = liveEpochs(window);

    QSignalSpy states(window.controller(), &TrainingController::stateChanged);
    QTest::mouseClick(transport->stepButton(), Qt::LeftButton);
    QCOMPARE(window.controller()->state(), State::Running);
    QVERIFY(!transport->stepButton()->isEnabled());
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), State::Paused, 30000);
    QCOMPARE(liveEpochs(window), paused + 1);
    QTest::qWait(800);
    QCOMPARE(liveEpochs(window), paused + 1);  // and stays paused
    QCOMPARE(states.count(), 2);
    QCOMPARE(states.at(0).at(0).value<State>(), State::Running);
    QCOMPARE(states.at(1).at(0).value<State>(), State::Paused);
    QVERIFY(transport->stepButton()->isEnabled());
    QCOMPARE(transport->pauseButton()->text(), QString("Resume"));
    QCOMPARE(window.runStatusBar()->stateText(), QString("Paused"));

    // A second step, then Resume runs on.
    window.controller()->step();
    QTRY_COMPARE_WITH_TIMEOUT(window.controller()->state(), State::Paused, 30000);
    QCOMPARE(liveEpochs(window), paused + 2);
    window.controller()->setPaused(false);
    QTRY_VERIFY_WITH_TIMEOUT(liveEpochs(window) > paused + 3, 30000);
    window.controller()->stop();
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 10000);
}

void TestClassroomControls::failedStartLeavesHeaderAndStatusBarIdle() {
    MainWindow window;
    window.show();
    RunConfig config = tinyClassroom(window, 200, 2);
    config.dataset = "mnist:" + (g_home->path() + "/no-such-folder").toStdString();
    window.experimentPanel()->setConfig(config);
    window.startRun();
    QVERIFY(waitForDialog(window, 10000));
    QTRY_VERIFY(!window.controller()->isActive());

    const QString header = scoreText(window);
    QVERIFY2(!header.contains("waiting"), qPrintable(header));
    QVERIFY2(header.contains("Not run") && header.contains("no-such-folder"), qPrintable(header));
    const QString status = window.runStatusBar()->stateText();
    QVERIFY2(!status.contains("Loading") && status.startsWith("Not run"), qPrintable(status));
    QVERIFY(window.transportBar()->startButton()->isEnabled());
    QVERIFY(!window.transportBar()->stepButton()->isEnabled());
    closeDialog(window);
}

void TestClassroomControls::presetBoxAndBannerFollowTheSettings() {
    MainWindow window;
    window.show();
    QVERIFY(window.applyPreset("Classroom: random labels"));
    TransportBar* transport = window.transportBar();
    QLabel* banner = window.presetBanner();
    QCOMPARE(transport->currentPreset(), QString("Classroom: random labels"));
    QVERIFY(banner->isVisibleTo(&window));
    QVERIFY(banner->text().contains("chance"));

    // Settings that had no effect on the box and banner before: the learning rate, epochs,
    // weight decay, the seed.
    ExperimentPanel* panel = window.experimentPanel();
    QDoubleSpinBox* lr = panel->learningRateBox();
    lr->setValue(0.02);
    QCOMPARE(transport->currentPreset(), QString());
    QCOMPARE(transport->presetBox()->placeholderText(), TransportBar::customSettingsText());
    QVERIFY(!banner->isVisibleTo(&window));
    lr->setValue(0.01);  // back to the preset's: it is the preset again
    QCOMPARE(transport->currentPreset(), QString("Classroom: random labels"));
    QVERIFY(banner->isVisibleTo(&window));

    RunConfig config = panel->config();
    for (auto edit : std::vector<std::function<void(RunConfig&)>>{
             [](RunConfig& c) { c.epochs = 61; }, [](RunConfig& c) { c.weightDecay = 0.001; },
             [](RunConfig& c) { c.seed = 2; }, [](RunConfig& c) { c.level = 0.5; }}) {
        RunConfig edited = config;
        edit(edited);
        panel->setConfig(edited);
        QCOMPARE(transport->currentPreset(), QString());
        QVERIFY(!banner->isVisibleTo(&window));
        panel->setConfig(config);
        QCOMPARE(transport->currentPreset(), QString("Classroom: random labels"));
    }

    // Custom settings are remembered as custom.
    panel->setConfig([&] {
        RunConfig c = config;
        c.epochs = 7;
        return c;
    }());
    window.close();
    MainWindow again;
    QCOMPARE(again.transportBar()->currentPreset(), QString());
    QVERIFY(!again.presetBanner()->isVisibleTo(&again));
}

void TestClassroomControls::divergenceIsExplainedOnce() {
    MainWindow window;
    window.show();
    RunConfig config = tinyClassroom(window, 200, 5);
    config.corruption = CorruptionMode::None;
    config.learningRate = 50.0;
    window.experimentPanel()->setConfig(config);
    window.startRun();
    QMessageBox* box = waitForDialog(window, 60000);
    QVERIFY(box);
    QTRY_VERIFY(!window.controller()->isActive());
    const QString text = box->text();
    QVERIFY2(text.contains("diverged"), qPrintable(text));
    QCOMPARE(text.count("smaller learning rate", Qt::CaseInsensitive), 1);
    QCOMPARE(text.count("diverged", Qt::CaseInsensitive), 1);
    // Which epoch, once (a loss that explodes "for 2 epochs in a row up to epoch 5" names it once).
    QCOMPARE(text.count(QRegularExpression("epoch \\d")), 1);
    QVERIFY2(!text.contains('\n'), qPrintable(text));
    // The status bar says the same once, after the epochs it kept.
    const QString status = window.runStatusBar()->stateText();
    QVERIFY2(status.startsWith("Run diverged after"), qPrintable(status));
    QCOMPARE(status.count("smaller learning rate", Qt::CaseInsensitive), 1);
    closeDialog(window);
}

void TestClassroomControls::typedNumbersAreNeverChangedSilently() {
    MainWindow window;
    window.show();
    QVERIFY(window.applyPreset("Classroom: random labels"));
    ExperimentPanel* panel = window.experimentPanel();

    // Learning rate 50 is a legitimate demonstration of divergence: typed, it stays 50.
    QDoubleSpinBox* lr = panel->learningRateBox();
    typeInto(lr, "50");
    QCOMPARE(lr->value(), 50.0);
    QCOMPARE(panel->config().learningRate.value_or(0), 50.0);
    QVERIFY(panel->notice().isEmpty());
    typeInto(lr, "0.00005");
    QCOMPARE(lr->value(), 0.00005);

    // Beyond the engine's limit: refused visibly, naming the setting and its limits.
    typeInto(lr, "500");
    QCOMPARE(lr->value(), 0.00005);
    QVERIFY2(panel->notice().contains("Learning rate") && panel->notice().contains("500") &&
                 panel->notice().contains("99.99"),
             qPrintable(panel->notice()));

    // Whole numbers beyond the old limits of the form.
    QSpinBox* batchSize = panel->batchSizeBox();
    typeInto(batchSize, "5000");
    QCOMPARE(panel->config().batchSize, 5000);
    QVERIFY(panel->notice().isEmpty());
    typeInto(batchSize, "2000000");
    QCOMPARE(panel->config().batchSize, 5000);
    QVERIFY2(panel->notice().startsWith("Batch size: 2000000"), qPrintable(panel->notice()));
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterTest");
    TestClassroomControls test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_classroom_controls.moc"
