// The main window in front of a class: it fits a 1024×768 projector with and without
// presentation mode, presentation mode enlarges the charts, full-screen charts leave only the
// curves, and the keyboard traps of a live demo are gone (focus after Start, Space in a field,
// shortcuts with the focus anywhere, the wheel over the settings). The test's screen is 1024×768
// (an offscreen screen configured in main()). Screenshots go to SHATTER_ARTIFACT_DIR.
#include <QAbstractSpinBox>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QDoubleSpinBox>
#include <QLayout>
#include <QLineEdit>
#include <QMenuBar>
#include <QProcess>
#include <QScreen>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QWheelEvent>

#include "support/artifact.h"
#include "support/offscreen_screen.h"
#include "common/app_settings.h"
#include "experiment/experiment_panel.h"
#include "live/live_run.h"
#include "live/metric_plot.h"
#include "window/main_window.h"
#include "window/window_actions.h"
#include "window/window_layout.h"

using namespace shatter;

namespace {

QTemporaryDir* g_home = nullptr;

// The plot area of the live accuracy chart must be at least this large at 1024×768: room for
// curves a room can read, not a strip with ticks 0 and 100 only.
constexpr int kMinimumPlotWidth = 380;
constexpr int kMinimumPlotHeight = 150;

using test::saveArtifact;

QRect accuracyPlotArea(const MainWindow& window) {
    const auto* chart = window.findChild<MetricPlot*>("live-accuracy");
    return chart ? chart->plotArea() : QRect();
}

void settle(MainWindow& window) {
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(20);
    }
    window.layout()->activate();
}

bool isEditable(QWidget* widget) {
    return qobject_cast<QLineEdit*>(widget) != nullptr || qobject_cast<QAbstractSpinBox*>(widget) != nullptr;
}

// A tiny random-label run that lasts long enough to pause, step and resume.
void setTinyLongRun(MainWindow& window) {
    QVERIFY(window.applyPreset("Classroom: random labels"));
    RunConfig config = window.experimentPanel()->config();
    config.trainSize = 200;
    config.testSize = 100;
    config.epochs = 400;
    window.experimentPanel()->setConfig(config);
}

// Shows the window; true once it is on the screen.
bool shownOnScreen(MainWindow& window) {
    window.show();
    return QTest::qWaitForWindowExposed(&window);
}

bool waitForState(const MainWindow& window, TrainingController::State state, int ms = 20000) {
    return QTest::qWaitFor([&]() { return window.controller()->state() == state; }, ms);
}

}  // namespace

class TestClassroomWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() {
        AppSettings::windowGeometry.clear();
        AppSettings::windowState.clear();
        AppSettings::presentationMode.setValue(false);
    }
    void theScreenIs1024x768();
    void fitsTheScreenWithAndWithoutPresentationMode();
    void presentationModeMakesTheChartsLargerAndGivesThePanelsBack();
    void openingInPresentationModeHidesThePanelsUntilItIsTurnedOff();
    void aSavedGeometryLargerThanTheScreenIsFitted();
    void fullScreenChartsLeaveOnlyTheCurves();
    void runMenuHoldsEveryTransportCommandWithItsShortcut();
    void startTakesTheFocusOffTheFields();
    void shortcutsWorkWithTheFocusInAField();
    void spaceInATextFieldTypesAndStartsNothing();
    void wheelChangesOnlyAFocusedSetting();
    void helpNeedsNoDisplay();
};

void TestClassroomWindow::theScreenIs1024x768() {
    const QRect screen = QGuiApplication::primaryScreen()->geometry();
    QCOMPARE(screen.size(), QSize(1024, 768));
}

void TestClassroomWindow::fitsTheScreenWithAndWithoutPresentationMode() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    const QRect available = window.screen()->availableGeometry();
    for (const bool presentation : {false, true}) {
        window.presentationAction()->setChecked(presentation);
        settle(window);
        const QSize minimum = window.minimumSizeHint();
        qInfo("presentation %d: minimum size %dx%d, frame %dx%d at %d,%d", presentation, minimum.width(),
              minimum.height(), window.frameGeometry().width(), window.frameGeometry().height(),
              window.frameGeometry().x(), window.frameGeometry().y());
        for (QWidget* part : QList<QWidget*>{window.centralWidget(), window.experimentDock(), window.runsDock(),
                                             window.samplesDock(), window.findChild<QToolBar*>("transport")}) {
            qInfo("  %s: minimum %dx%d%s", qPrintable(part->objectName()), part->minimumSizeHint().width(),
                  part->minimumSizeHint().height(), part->isVisible() ? "" : " (hidden)");
        }
        for (int i = 0; i < window.viewTabs()->count(); ++i) {
            const QSize page = window.viewTabs()->widget(i)->minimumSizeHint();
            qInfo("  view %s: minimum %dx%d", qPrintable(window.viewTabs()->tabText(i)), page.width(), page.height());
        }
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 768,
                 qPrintable(QString("minimum size %1x%2").arg(minimum.width()).arg(minimum.height())));
        QVERIFY(available.contains(window.frameGeometry()));
        // Every dock that is shown fits its content.
        for (QDockWidget* dock : {window.experimentDock(), window.runsDock()}) {
            if (dock->isVisible()) QVERIFY(dock->width() >= dock->widget()->minimumSizeHint().width());
        }
        const QRect plot = accuracyPlotArea(window);
        qInfo("presentation %d: accuracy plot area %dx%d", presentation, plot.width(), plot.height());
        QVERIFY2(plot.width() >= kMinimumPlotWidth && plot.height() >= kMinimumPlotHeight,
                 qPrintable(QString("accuracy plot area %1x%2").arg(plot.width()).arg(plot.height())));
        saveArtifact(window, QString("classroom-1024x768-%1.png").arg(presentation ? "presentation" : "normal"));
    }
    window.presentationAction()->setChecked(false);
}

void TestClassroomWindow::presentationModeMakesTheChartsLargerAndGivesThePanelsBack() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    settle(window);
    const QRect before = accuracyPlotArea(window);
    const int widthBefore = window.frameGeometry().width();
    QVERIFY(window.experimentDock()->isVisible());

    window.presentationAction()->setChecked(true);
    settle(window);
    const QRect during = accuracyPlotArea(window);
    qInfo("accuracy plot area %dx%d, in presentation mode %dx%d", before.width(), before.height(),
          during.width(), during.height());
    QVERIFY(during.width() * during.height() > before.width() * before.height());
    QVERIFY(!window.experimentDock()->isVisible());

    window.presentationAction()->setChecked(false);
    settle(window);
    QVERIFY(window.experimentDock()->isVisible());
    QVERIFY(window.frameGeometry().width() <= widthBefore);  // turning it off does not widen the window
}

void TestClassroomWindow::openingInPresentationModeHidesThePanelsUntilItIsTurnedOff() {
    // A window left in presentation mode, with no saved arrangement (a first start with a
    // prepared settings file): the panels hide as if the mode had just been turned on, and the
    // window fits the projector.
    AppSettings::presentationMode.setValue(true);
    MainWindow window;
    QVERIFY(window.presentationAction()->isChecked());
    QVERIFY(shownOnScreen(window));
    settle(window);
    QVERIFY(!window.experimentDock()->isVisible());
    QVERIFY(!window.runsDock()->isVisible());
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QString("frame %1x%2").arg(window.frameGeometry().width()).arg(window.frameGeometry().height())));

    window.presentationAction()->setChecked(false);
    settle(window);
    QVERIFY(window.experimentDock()->isVisible());
}

void TestClassroomWindow::aSavedGeometryLargerThanTheScreenIsFitted() {
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setGeometry(300, 200, 1900, 1050);  // as on a large monitor
        settle(window);
        window.close();  // saves the geometry
    }
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    settle(window);
    const QRect available = window.screen()->availableGeometry();
    QVERIFY2(available.contains(window.frameGeometry()),
             qPrintable(QString("frame %1x%2 at %3,%4")
                            .arg(window.frameGeometry().width())
                            .arg(window.frameGeometry().height())
                            .arg(window.frameGeometry().x())
                            .arg(window.frameGeometry().y())));
}

void TestClassroomWindow::fullScreenChartsLeaveOnlyTheCurves() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    settle(window);
    const QRect before = accuracyPlotArea(window);
    window.actions()->chartsOnly()->trigger();
    settle(window);
    QVERIFY(window.isFullScreen());
    QVERIFY(!window.experimentDock()->isVisible());
    QVERIFY(!window.runsDock()->isVisible());
    QVERIFY(!window.menuBar()->isVisible());
    QVERIFY(!window.statusBar()->isVisible());
    QVERIFY(!window.findChild<QToolBar*>("transport")->isVisible());
    const QRect charts = accuracyPlotArea(window);
    qInfo("accuracy plot area %dx%d, full-screen charts %dx%d", before.width(), before.height(), charts.width(),
          charts.height());
    QVERIFY(charts.width() > before.width() && charts.height() > before.height());
    saveArtifact(window, "classroom-1024x768-charts-only.png");

    // The same key brings everything back, even with the menu bar hidden.
    QTest::keyClick(&window, Qt::Key_F11);
    settle(window);
    QVERIFY(!window.isFullScreen());
    QVERIFY(window.experimentDock()->isVisible() || window.runsDock()->isVisible());
    QVERIFY(window.menuBar()->isVisible());
    QVERIFY(window.statusBar()->isVisible());
}

void TestClassroomWindow::runMenuHoldsEveryTransportCommandWithItsShortcut() {
    MainWindow window;
    const WindowActions* actions = window.actions();
    QMenu* run = nullptr;
    QMenu* view = nullptr;
    for (QAction* menu : window.menuBar()->actions()) {
        if (menu->text() == "&Run") run = menu->menu();
        if (menu->text() == "&View") view = menu->menu();
    }
    QVERIFY(run && view);
    for (QAction* action : {actions->start(), actions->pause(), actions->step(), actions->stop()}) {
        QVERIFY2(run->actions().contains(action), qPrintable(action->text()));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }
    for (QAction* action : {actions->presentation(), actions->dark(), actions->chartsOnly()}) {
        QVERIFY2(view->actions().contains(action), qPrintable(action->text()));
        QVERIFY2(!action->shortcut().isEmpty(), qPrintable(action->text()));
    }
    QCOMPARE(actions->pause()->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Space));
    QCOMPARE(actions->step()->shortcut(), QKeySequence(Qt::Key_F10));
}

void TestClassroomWindow::startTakesTheFocusOffTheFields() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    window.activateWindow();
    setTinyLongRun(window);
    QDoubleSpinBox* rate = window.experimentPanel()->learningRateBox();
    rate->setFocus();
    QTRY_VERIFY(rate->hasFocus());
    const double lr = rate->value();

    window.actions()->start()->trigger();
    QVERIFY(waitForState(window, TrainingController::State::Running));
    QVERIFY2(!isEditable(QApplication::focusWidget()),
             qPrintable(QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className()
                                                    : QString("none")));
    // The lecturer's reflex: Space pauses, and the learning rate is what it was.
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window, Qt::Key_Space);
    QVERIFY(waitForState(window, TrainingController::State::Paused));
    QCOMPARE(rate->value(), lr);
    window.actions()->stop()->trigger();
    QVERIFY(waitForState(window, TrainingController::State::Idle));
}

void TestClassroomWindow::shortcutsWorkWithTheFocusInAField() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    window.activateWindow();
    setTinyLongRun(window);
    QDoubleSpinBox* rate = window.experimentPanel()->learningRateBox();
    rate->setFocus();
    QTRY_VERIFY(rate->hasFocus());

    QTest::keyClick(rate, Qt::Key_Return, Qt::ControlModifier);  // Start
    QVERIFY(waitForState(window, TrainingController::State::Running));
    rate->setFocus();  // the learning rate stays editable during a run
    QTRY_VERIFY(rate->hasFocus());
    const QString typed = rate->text();
    QVERIFY(QTest::qWaitFor([&]() { return window.liveRun()->history().epochs().size() >= 2; }, 20000));
    QTest::keyClick(rate, Qt::Key_Space, Qt::ControlModifier);  // Pause
    QVERIFY(waitForState(window, TrainingController::State::Paused));
    // The status bar's long lines during a run do not widen the window past the screen.
    settle(window);
    for (QWidget* part : QList<QWidget*>{window.centralWidget(), window.experimentDock(), window.statusBar()}) {
        qInfo("  during a run, %s: minimum %dx%d", part->metaObject()->className(), part->minimumSizeHint().width(),
              part->minimumSizeHint().height());
    }
    QVERIFY2(window.minimumSizeHint().width() <= 1024,
             qPrintable(QString("minimum width %1 during a run").arg(window.minimumSizeHint().width())));
    QVERIFY(window.screen()->availableGeometry().contains(window.frameGeometry()));
    QCOMPARE(rate->text(), typed);
    const int epochs = int(window.liveRun()->history().epochs().size());
    QTest::keyClick(rate, Qt::Key_F10);  // Step: one epoch, then paused again
    QVERIFY(QTest::qWaitFor([&]() { return int(window.liveRun()->history().epochs().size()) == epochs + 1; }, 20000));
    QVERIFY(waitForState(window, TrainingController::State::Paused));
    QTest::qWait(300);
    QCOMPARE(int(window.liveRun()->history().epochs().size()), epochs + 1);
    QTest::keyClick(rate, Qt::Key_Space, Qt::ControlModifier);  // Resume
    QVERIFY(waitForState(window, TrainingController::State::Running));
    QTest::keyClick(rate, Qt::Key_Escape);  // Stop
    QVERIFY(waitForState(window, TrainingController::State::Idle));
}

void TestClassroomWindow::spaceInATextFieldTypesAndStartsNothing() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    window.activateWindow();
    // The fields of the panel are number fields: Space there is the field's (it refuses it), it
    // does not start a run behind the lecturer's back.
    QDoubleSpinBox* rate = window.experimentPanel()->learningRateBox();
    rate->setFocus();
    QTRY_VERIFY(rate->hasFocus());
    const QString before = rate->text();
    QTest::keyClick(rate, Qt::Key_Space);
    QTest::qWait(300);
    QCOMPARE(window.controller()->state(), TrainingController::State::Idle);
    QCOMPARE(rate->text(), before);
    // Off the fields, Space starts.
    window.viewTabs()->setFocus();
    QTRY_VERIFY(window.viewTabs()->hasFocus());
    QTest::keyClick(window.viewTabs(), Qt::Key_Space);
    QVERIFY(QTest::qWaitFor([&]() { return window.controller()->isActive(); }, 5000));
    window.actions()->stop()->trigger();
    QVERIFY(waitForState(window, TrainingController::State::Idle));
}

void TestClassroomWindow::wheelChangesOnlyAFocusedSetting() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    window.activateWindow();
    const QList<QAbstractSpinBox*> boxes = window.experimentPanel()->findChildren<QAbstractSpinBox*>();
    QVERIFY(!boxes.isEmpty());
    auto wheel = [](QWidget* target) {
        const QPointF at(target->width() / 2.0, target->height() / 2.0);
        QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton, Qt::NoModifier,
                          Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &event);
    };
    window.centralWidget()->setFocus();
    for (QAbstractSpinBox* box : boxes) {
        if (!box->isEnabled()) continue;
        const QString before = box->text();
        wheel(box);
        QCOMPARE(box->text(), before);
    }
    // Once the field has the focus, the wheel is the user's intent.
    QDoubleSpinBox* rate = window.experimentPanel()->learningRateBox();
    rate->setFocus();
    QTRY_VERIFY(rate->hasFocus());
    const double before = rate->value();
    wheel(rate);
    QVERIFY(rate->value() != before);
}

void TestClassroomWindow::helpNeedsNoDisplay() {
    QProcess shatter;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove("DISPLAY");
    environment.remove("WAYLAND_DISPLAY");
    environment.remove("QT_QPA_PLATFORM");
    shatter.setProcessEnvironment(environment);
    shatter.start(SHATTER_GUI_BINARY, {"--help"});
    QVERIFY(shatter.waitForFinished(20000));
    const QString output = QString::fromUtf8(shatter.readAllStandardOutput() + shatter.readAllStandardError());
    QVERIFY2(shatter.exitCode() == 0, qPrintable(output));
    QVERIFY2(output.contains("--preset") && output.contains("Classroom: random labels"), qPrintable(output));
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    if (!useOffscreenScreen(home.path(), 1024, 768)) return 1;  // a projector's screen
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterClassroomTest");
    TestClassroomWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_classroom_window.moc"
