// Lecture mode in the real main window on a 1024×768 screen: a lecture whose runs the library
// already holds is walked with Page Down and shows every step at once without training; a step
// without its run trains it live and then shows it from the library; Esc stops a run before it
// ends a lecture; a broken lecture file gets a dialog naming the file and the line.
// Screenshots go to SHATTER_ARTIFACT_DIR.
#include <algorithm>

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include "experiment/experiment_panel.h"
#include "figures/figure1_view.h"
#include "lecture/lecture_banner.h"
#include "lecture/lecture_controller.h"
#include "lecture/lecture_library.h"
#include "live/live_run.h"
#include "live/live_view.h"
#include "live/replay_bar.h"
#include "live/run_replay.h"
#include "live/sample_gallery.h"
#include "pipeline/run_pipeline.h"
#include "run/run_library.h"
#include "runs/compare_view.h"
#include "runs/run_list_panel.h"
#include "sweep/sweep_controller.h"
#include "support/artifact.h"
#include "support/offscreen_screen.h"
#include "theory/expressivity_view.h"
#include "theory/theory_outcomes.h"
#include "theory/theory_view.h"
#include "window/main_window.h"

using namespace shatter;

namespace {

QTemporaryDir* g_home = nullptr;

QString runsRoot() { return g_home->path() + "/data/shatter/runs"; }

// The settings every step of the test lectures starts from: a run of a second or two.
const char* kTinySettings = R"("settings": {"dataset": "fashion-mnist", "train_size": 200, "test_size": 100,
    "model": "mlp-1x512", "epochs": 2, "batch_size": 32, "lr": 0.01, "lr_decay": 1.0, "seed": 1})";

RunConfig tiny(CorruptionMode mode, double level) {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 200;
    config.testSize = 100;
    config.epochs = 2;
    config.batchSize = 32;
    config.learningRate = 0.01;
    config.lrDecay = 1.0;
    config.corruption = mode;
    config.level = level;
    config.threads = 1;  // not compared: the lecture's settings leave it at "one per core"
    config.name = "made beforehand";
    return config;
}

// Trains one run into the test library with the real pipeline; returns its folder.
QString trainBeforehand(const RunConfig& config) {
    RunPipeline pipeline(config, runsRoot().toStdString());
    RunObserver quiet;
    pipeline.run(quiet);
    return QString::fromStdString(pipeline.directory());
}

QString writeLecture(const QString& name, const QString& text) {
    const QString path = g_home->path() + "/" + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) return {};
    file.write(text.toUtf8());
    return path;
}

// The library's runs of one kind: "training", or a theory construction's.
int runFolderCount(const std::string& kind = "training") {
    int count = 0;
    for (const RunEntry& entry : RunLibrary::scan({runsRoot().toStdString()}))
        count += entry.record.info.kind == kind ? 1 : 0;
    return count;
}

bool shownOnScreen(MainWindow& window) {
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowExposed(&window) && QTest::qWaitForWindowActive(&window);
}

void press(MainWindow& window, Qt::Key key) {
    QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : &window;
    QTest::keyClick(target, key);
}

using test::saveArtifact;

QString bannerTitle(const MainWindow& window) { return window.lectureBanner()->titleLabel()->text(); }

// The message boxes the window has open.
QString openDialogText(const MainWindow& window) {
    QString text;
    for (QMessageBox* box : window.findChildren<QMessageBox*>()) {
        if (box->isVisible()) text += box->text() + "\n";
    }
    return text;
}

void closeDialogs(MainWindow& window) {
    for (QMessageBox* box : window.findChildren<QMessageBox*>()) box->close();
    QTest::qWait(50);
}

}  // namespace

class TestLectureWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void builtInLectureIsListedAndEveryStepValidates();
    void pageDownWalksExistingRunsWithoutTraining();
    void theoryStepDrawsItsStoredConstructionWithoutANewFolder();
    void bannerFitsAProjectorInPresentationModeAndDarkTheme();
    void stepWithoutItsRunTrainsItThenShowsItFromTheLibrary();
    void missingRunsTrainOneAfterAnotherAndAMissingSweepRuns();
    void escStopsTheRunFirstThenEndsTheLecture();
    void malformedLectureFileShowsFileAndLine();
};

void TestLectureWindow::builtInLectureIsListedAndEveryStepValidates() {
    bool listed = false;
    for (const LectureListing& listing : LectureLibrary::list())
        listed = listed || (listing.builtIn && listing.title == "The paper in five steps");
    QVERIFY(listed);
    const Lecture lecture = LectureLibrary::builtIn("The paper in five steps");
    QCOMPARE(lecture.steps.size(), std::size_t(5));
    for (const LectureStep& step : lecture.steps) {
        for (const RunConfig& config : step.runs) config.validate();
        if (step.kind == LectureStep::Kind::Sweep) {
            step.sweep.validate();
            for (const RunConfig& point : step.sweep.points()) point.validate();
        }
    }
    // A user's lecture in the data folder is listed too, a broken one under its file name.
    QDir().mkpath(LectureLibrary::userFolder());
    QFile own(LectureLibrary::userFolder() + "/mine.json");
    QVERIFY(own.open(QIODevice::WriteOnly));
    own.write(R"({"title": "My own lecture", "steps": [{"title": "a", "caption": "b"}]})");
    own.close();
    QFile broken(LectureLibrary::userFolder() + "/broken.json");
    QVERIFY(broken.open(QIODevice::WriteOnly));
    broken.write("{");
    broken.close();
    QStringList titles;
    for (const LectureListing& listing : LectureLibrary::list()) titles << listing.title;
    QVERIFY2(titles.contains("My own lecture") && titles.contains("broken.json"), qPrintable(titles.join(", ")));
    QFile::remove(own.fileName());
    QFile::remove(broken.fileName());
}

void TestLectureWindow::pageDownWalksExistingRunsWithoutTraining() {
    const QString randomLabels = trainBeforehand(tiny(CorruptionMode::Labels, 1.0));
    const QString trueLabels = trainBeforehand(tiny(CorruptionMode::None, 0.0));
    const QString gaussian = trainBeforehand(tiny(CorruptionMode::Gaussian, 1.0));
    const QString randomPixels = trainBeforehand(tiny(CorruptionMode::RandomPixels, 1.0));
    QVERIFY(!randomLabels.isEmpty() && !gaussian.isEmpty());
    const QString path = writeLecture("walk.json", QString(R"({
  "title": "Walk",
  "pace": "30s",
  %1,
  "steps": [
    {"title": "Random labels", "caption": "Memorized.", "look_at": "training accuracy",
     "settings": {"corruption": "labels", "level": 1.0}},
    {"title": "Noise", "caption": "Memorized too.",
     "runs": [{"corruption": "gaussian"}, {"corruption": "random-pixels"}]},
    {"title": "Figure 1", "caption": "Slower with more noise.",
     "sweep": {"modes": ["labels"], "levels": [0, 1]}},
    {"title": "Theory", "caption": "2n+d weights.", "settings": {"corruption": "labels"},
     "theory": "expressivity"}
  ]
})").arg(kTinySettings));
    const int runsBefore = runFolderCount();

    MainWindow window;
    QVERIFY(shownOnScreen(window));
    bool trained = false;
    connect(window.controller(), &TrainingController::stateChanged, this,
            [&trained](TrainingController::State state) { trained = trained || state != TrainingController::State::Idle; });
    QElapsedTimer shown;
    shown.start();
    QVERIFY(window.openLecture(path));
    LectureController* lecture = window.lectureController();
    QVERIFY(lecture->isOpen());
    QVERIFY(window.lectureBanner()->isVisible());

    // Step 1: the stored run at its end, at once: every epoch and the gallery's images.
    QCOMPARE(bannerTitle(window), QString("Random labels"));
    QVERIFY(window.lectureBanner()->lookAtLabel()->text().contains("training accuracy"));
    QCOMPARE(window.lectureBanner()->progressLabel()->text(), QString("Step 1 of 4"));
    QCOMPARE(lecture->shownRuns(), QStringList{randomLabels});
    QCOMPARE(window.runReplay()->directory(), randomLabels);
    QVERIFY(!window.replayBar()->isVisible());  // the banner stands in for the replay strip
    QCOMPARE(int(window.liveRun()->history().epochs().size()), 2);
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.liveView()));
    // The panel shows the step's settings.
    QCOMPARE(window.experimentPanel()->config().trainSize, 200);
    QCOMPARE(window.experimentPanel()->config().corruption, CorruptionMode::Labels);
    // Shown at once from the library: the stored epochs right away, the images once the pool has
    // drawn them again (well under 2 s in a normal build; how long is reported, not asserted, as
    // a sanitizer build takes several times as long).
    QTRY_VERIFY_WITH_TIMEOUT(window.sampleGallery()->data() != nullptr, 30000);
    qInfo("step 1 with its images shown %lld ms after the lecture opened", static_cast<long long>(shown.elapsed()));
    QCOMPARE(window.sampleGallery()->shownIndices().size(), std::size_t(200));
    saveArtifact(window, "lecture-step1.png");

    // Page Down, with the keyboard in a number field of the experiment panel.
    window.experimentPanel()->findChild<QSpinBox*>()->setFocus();
    press(window, Qt::Key_PageDown);
    QCOMPARE(bannerTitle(window), QString("Noise"));
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.compareView()));
    QStringList ticked = window.runList()->tickedDirectories();
    ticked.sort();
    QStringList expected{gaussian, randomPixels};
    expected.sort();
    QCOMPARE(ticked, expected);
    saveArtifact(window, "lecture-step2.png");

    press(window, Qt::Key_PageDown);
    QCOMPARE(bannerTitle(window), QString("Figure 1"));
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.figure1View()));
    QCOMPARE(window.figure1View()->runs().size(), std::size_t(2));
    QStringList sweepRuns = lecture->shownRuns();
    sweepRuns.sort();
    QStringList sweepExpected{trueLabels, randomLabels};
    sweepExpected.sort();
    QCOMPARE(sweepRuns, sweepExpected);

    // The arrows too, where no text field takes them.
    window.viewTabs()->setFocus();
    press(window, Qt::Key_Right);
    QCOMPARE(bannerTitle(window), QString("Theory"));
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.theoryView()));
    // The 2n+d network is built on the step's data and labels; seen again, it is not built again.
    QTRY_VERIFY_WITH_TIMEOUT(window.theoryView()->expressivityView()->outcome() != nullptr, 20000);
    const auto built = window.theoryView()->expressivityView()->outcome();
    QCOMPARE(built->result.n, std::int64_t(200));
    press(window, Qt::Key_Left);
    press(window, Qt::Key_Right);
    QCOMPARE(bannerTitle(window), QString("Theory"));
    QTest::qWait(100);
    QCOMPARE(window.theoryView()->expressivityView()->outcome(), built);
    // The last step: Next goes nowhere.
    press(window, Qt::Key_PageDown);
    QCOMPARE(lecture->currentStep(), 3);
    QVERIFY(!window.lectureBanner()->nextButton()->isEnabled());

    press(window, Qt::Key_PageUp);
    QCOMPARE(bannerTitle(window), QString("Figure 1"));
    press(window, Qt::Key_Left);
    press(window, Qt::Key_Up);
    QCOMPARE(bannerTitle(window), QString("Random labels"));
    QCOMPARE(window.runReplay()->directory(), randomLabels);
    QVERIFY(!window.lectureBanner()->backButton()->isEnabled());

    QVERIFY(!trained);
    QCOMPARE(runFolderCount(), runsBefore + 0);

    press(window, Qt::Key_Escape);
    QVERIFY(!lecture->isOpen());
    QVERIFY(!window.lectureBanner()->isVisible());
    // Without a lecture Page Down is no step.
    press(window, Qt::Key_PageDown);
    QVERIFY(!lecture->isOpen());
    // The theory construction may still be building; let it finish before the window goes.
    QTest::qWait(200);
}

void TestLectureWindow::theoryStepDrawsItsStoredConstructionWithoutANewFolder() {
    // A new window (a new session) on the lecture walked above: its theory step finds the
    // construction built then in the library and draws it again, without filing it twice.
    const int stored = runFolderCount("expressivity");
    QCOMPARE(stored, 1);
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    QVERIFY(window.openLecture(g_home->path() + "/walk.json"));  // written by the walk above
    window.lectureController()->goTo(3);
    QCOMPARE(bannerTitle(window), QString("Theory"));
    QTRY_VERIFY_WITH_TIMEOUT(window.theoryView()->expressivityView()->outcome() != nullptr, 20000);
    const auto drawn = window.theoryView()->expressivityView()->outcome();
    QCOMPARE(drawn->result.n, std::int64_t(200));
    QCOMPARE(drawn->result.trainAcc, 1.0);
    const RunEntry* entry = nullptr;
    const std::vector<RunEntry> library = RunLibrary::scan({runsRoot().toStdString()});
    for (const RunEntry& e : library)
        if (e.record.info.kind == "expressivity") entry = &e;
    QVERIFY(entry != nullptr);
    QCOMPARE(drawn->directory, QString::fromStdString(entry->directory));
    QCOMPARE(runFolderCount("expressivity"), stored);
}

void TestLectureWindow::bannerFitsAProjectorInPresentationModeAndDarkTheme() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    QVERIFY(window.openLecture(g_home->path() + "/walk.json"));  // written by the walk above
    QVERIFY(window.lectureController()->shownRuns().size() == 1);
    const QRect available = window.screen()->availableGeometry();
    for (const bool presentation : {false, true}) {
        window.presentationAction()->setChecked(presentation);
        window.darkAction()->setChecked(presentation);
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
            QTest::qWait(20);
        }
        window.layout()->activate();
        // The built-in lecture's longest texts.
        const Lecture paper = LectureLibrary::builtIn("The paper in five steps");
        int longest = 0;
        for (std::size_t i = 1; i < paper.steps.size(); ++i) {
            const LectureStep& step = paper.steps[i];
            const LectureStep& was = paper.steps[std::size_t(longest)];
            if (step.title.size() + step.caption.size() + step.lookAt.size() >
                was.title.size() + was.caption.size() + was.lookAt.size())
                longest = int(i);
        }
        window.lectureBanner()->showStep(paper, longest);
        for (int i = 0; i < 5; ++i) {
            QApplication::processEvents();
            QTest::qWait(20);
        }
        window.layout()->activate();
        const QSize minimum = window.minimumSizeHint();
        const int banner = window.lectureBanner()->height();
        qInfo("presentation %d: minimum %dx%d, banner height %d (step %d)", presentation, minimum.width(),
              minimum.height(), banner, longest + 1);
        QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 768,
                 qPrintable(QString("minimum size %1x%2").arg(minimum.width()).arg(minimum.height())));
        QVERIFY(available.contains(window.frameGeometry()));
        // Large type, and the charts keep most of the height.
        QVERIFY(window.lectureBanner()->titleLabel()->font().pointSizeF() > QApplication::font().pointSizeF() * 1.2);
        QVERIFY2(banner < available.height() / 4, qPrintable(QString::number(banner)));
        // Every line of the banner is shown whole.
        for (QLabel* label : {window.lectureBanner()->titleLabel(), window.lectureBanner()->captionLabel(),
                              window.lectureBanner()->lookAtLabel()}) {
            QVERIFY2(label->height() >= label->heightForWidth(label->width()),
                     qPrintable(label->objectName() + QString(" %1 < %2").arg(label->height()).arg(label->heightForWidth(label->width()))));
        }
        saveArtifact(window, QString("lecture-1024x768-%1.png").arg(presentation ? "presentation-dark" : "normal"));
    }
    window.presentationAction()->setChecked(false);
    window.darkAction()->setChecked(false);
    // Presentation mode switched on over the Theory tab (the last step) fits too.
    window.viewTabs()->setCurrentWidget(window.theoryView());
    window.presentationAction()->setChecked(true);
    for (int i = 0; i < 5; ++i) {
        QApplication::processEvents();
        QTest::qWait(20);
    }
    qInfo("theory, presentation: frame %dx%d, minimum %dx%d", window.frameGeometry().width(),
          window.frameGeometry().height(), window.minimumSizeHint().width(), window.minimumSizeHint().height());
    saveArtifact(window, "lecture-1024x768-theory-presentation.png");
    window.presentationAction()->setChecked(false);
}

void TestLectureWindow::stepWithoutItsRunTrainsItThenShowsItFromTheLibrary() {
    const QString path = writeLecture("missing.json", QString(R"({
  "title": "Missing",
  %1,
  "steps": [
    {"title": "Needs a run", "caption": "Trained live.", "pace": "fast",
     "settings": {"corruption": "labels", "level": 0.4}}
  ]
})").arg(kTinySettings));
    const int runsBefore = runFolderCount();
    {
        MainWindow window;
        QVERIFY(shownOnScreen(window));
        QVERIFY(window.openLecture(path));
        LectureController* lecture = window.lectureController();
        QVERIFY(window.controller()->isActive());  // started as the Start button does
        QVERIFY(lecture->isTraining());
        QVERIFY(lecture->shownRuns().isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 60000);
        // Trained, then shown from the library like any stored run.
        QTRY_COMPARE_WITH_TIMEOUT(lecture->shownRuns().size(), 1, 5000);
        QVERIFY(!lecture->isTraining());
        QCOMPARE(runFolderCount(), runsBefore + 1);
        QCOMPARE(window.runReplay()->directory(), lecture->shownRuns().front());
        window.close();
    }
    // Next time the run is there: no training.
    MainWindow again;
    QVERIFY(shownOnScreen(again));
    QVERIFY(again.openLecture(path));
    QVERIFY(!again.controller()->isActive());
    QCOMPARE(again.lectureController()->shownRuns().size(), 1);
    QCOMPARE(runFolderCount(), runsBefore + 1);
}

void TestLectureWindow::missingRunsTrainOneAfterAnotherAndAMissingSweepRuns() {
    const QString path = writeLecture("several.json", QString(R"({
  "title": "Several",
  %1,
  "pace": "fast",
  "steps": [
    {"title": "Two new runs", "caption": "Trained one after another.",
     "settings": {"seed": 5}, "runs": [{"corruption": "labels", "level": 0.2}, {"corruption": "gaussian"}]},
    {"title": "A new sweep", "caption": "Figure 1.", "settings": {"seed": 6},
     "sweep": {"modes": ["random-pixels"], "levels": [0, 1]}}
  ]
})").arg(kTinySettings));
    const int runsBefore = runFolderCount();
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    LectureController* lecture = window.lectureController();
    // Each status as it is set: the second run lasts a fraction of a second, so a poll of the
    // status can miss it.
    QSignalSpy statuses(lecture, &LectureController::statusChanged);
    QVERIFY(window.openLecture(path));
    QVERIFY(lecture->isTraining());
    QVERIFY(lecture->status().contains("run 1 of 2"));
    const auto trainedSecondRun = [&statuses]() {
        return std::any_of(statuses.cbegin(), statuses.cend(), [](const QList<QVariant>& status) {
            return status[0].toString().contains("run 2 of 2");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(trainedSecondRun(), 60000);
    // Both trained, then shown together.
    QTRY_COMPARE_WITH_TIMEOUT(lecture->shownRuns().size(), 2, 60000);
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.compareView()));
    QCOMPARE(window.runList()->tickedDirectories().size(), 2);
    QCOMPARE(runFolderCount(), runsBefore + 2);

    // The sweep's points are missing: the sweep runs, then Figure 1 is drawn from its folder.
    press(window, Qt::Key_PageDown);
    QCOMPARE(bannerTitle(window), QString("A new sweep"));
    QVERIFY(window.sweepController()->isActive());
    QTRY_VERIFY_WITH_TIMEOUT(!window.sweepController()->isActive(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(lecture->shownRuns().size(), 2, 10000);
    QCOMPARE(window.viewTabs()->currentWidget(), static_cast<QWidget*>(window.figure1View()));
    QCOMPARE(window.figure1View()->folders().size(), 1);
    QVERIFY(window.figure1View()->folders().front().contains("sweep-"));
    QCOMPARE(window.figure1View()->runs().size(), std::size_t(2));
    QCOMPARE(runFolderCount(), runsBefore + 4);
    // Back and forth: both steps now come from the library.
    press(window, Qt::Key_PageUp);
    QVERIFY(!lecture->isTraining());
    QCOMPARE(lecture->shownRuns().size(), 2);
    press(window, Qt::Key_PageDown);
    QVERIFY(!window.sweepController()->isActive());
    QCOMPARE(runFolderCount(), runsBefore + 4);
}

void TestLectureWindow::escStopsTheRunFirstThenEndsTheLecture() {
    const QString path = writeLecture("slow.json", QString(R"({
  "title": "Slow",
  %1,
  "steps": [
    {"title": "Slowly", "caption": "One epoch a second.", "pace": "1/s",
     "settings": {"corruption": "labels", "level": 0.3, "epochs": 20}},
    {"title": "After", "caption": "The next step.", "settings": {"corruption": "labels", "level": 1.0}}
  ]
})").arg(kTinySettings));
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    QVERIFY(window.openLecture(path));
    LectureController* lecture = window.lectureController();
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == TrainingController::State::Running, 20000);
    press(window, Qt::Key_Escape);  // Stop, not the end of the lecture
    QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 10000);
    QVERIFY(lecture->isOpen());
    QCOMPARE(lecture->currentStep(), 0);
    QTRY_VERIFY(!lecture->isTraining());  // a stopped run is not trained again by itself
    QVERIFY(!window.controller()->isActive());
    QVERIFY(lecture->shownRuns().isEmpty());

    // Page Down during training stops the run and then shows the next step.
    lecture->goTo(0);
    QTRY_VERIFY_WITH_TIMEOUT(window.controller()->state() == TrainingController::State::Running, 20000);
    press(window, Qt::Key_PageDown);
    QCOMPARE(bannerTitle(window), QString("After"));
    QTRY_COMPARE_WITH_TIMEOUT(lecture->shownRuns().size(), 1, 10000);
    QVERIFY(!window.controller()->isActive());

    press(window, Qt::Key_Escape);
    QVERIFY(!lecture->isOpen());
}

void TestLectureWindow::malformedLectureFileShowsFileAndLine() {
    MainWindow window;
    QVERIFY(shownOnScreen(window));
    const QString syntax = writeLecture("syntax.json", "{\n  \"title\": \"Broken\",\n  \"steps\": [,]\n}\n");
    QVERIFY(!window.openLecture(syntax));
    QTRY_VERIFY(!openDialogText(window).isEmpty());
    QString text = openDialogText(window);
    QVERIFY2(text.contains(syntax) && text.contains("line 3"), qPrintable(text));
    QVERIFY(!window.lectureController()->isOpen());
    closeDialogs(window);

    const QString badStep = writeLecture("bad-step.json", QString(R"({
  "title": "Bad step",
  %1,
  "steps": [
    {"title": "Fine", "caption": "c"},
    {"title": "Typo", "caption": "c",
     "settings": {"corruption": "labels", "levle": 1.0}}
  ]
})").arg(kTinySettings));
    QVERIFY(!window.openLecture(badStep));
    QTRY_VERIFY(!openDialogText(window).isEmpty());
    text = openDialogText(window);
    QVERIFY2(text.contains(badStep) && text.contains("line 8") && text.contains("step 2 \"Typo\"") &&
                 text.contains("levle"),
             qPrintable(text));
    closeDialogs(window);
    // The window stays usable: the built-in lecture opens.
    QVERIFY(window.openLecture(LectureLibrary::list().front().path));
    QVERIFY(window.lectureController()->isOpen());
    window.lectureController()->end();
    if (window.controller()->isActive()) {
        window.controller()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!window.controller()->isActive(), 20000);
    }
}

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    g_home = &home;
    qputenv("XDG_DATA_HOME", (home.path() + "/data").toUtf8());
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    if (!useOffscreenScreen(home.path(), 1024, 768)) return 1;  // a projector's screen
    QApplication app(argc, argv);
    QApplication::setOrganizationName("ShatterTest");
    QApplication::setApplicationName("ShatterLectureTest");
    TestLectureWindow test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_lecture_window.moc"
