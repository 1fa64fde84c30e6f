#pragma once

#include <QMainWindow>

#include <QPointer>
#include <memory>

#include "common/plot_theme.h"
#include "live/training_controller.h"

class QAction;
class QDockWidget;
class QLabel;
class QTabWidget;
class QToolBar;

namespace shatter {

class CifarDownloadDialog;
class LectureBanner;
class LectureController;
class LectureMenu;
class WindowLectureStage;
struct Lecture;
struct RunConfig;
class CompareView;
class CorruptionPreview;
class ExperimentPanel;
class Figure1View;
class SlurmSweepMonitor;
class SweepController;
class SweepDialog;
class TheoryView;
class LiveRun;
class PresetTracker;
struct EpochPace;
class LiveView;
class MemorizationView;
class PaperView;
class ReplayBar;
class RunListPanel;
class RunReplay;
class SampleGallery;
class StatusBar;
class TransportBar;
class WindowActions;
class WindowLayout;

// Assembles the panels and wires them to the training controller; the panels do the rest.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Fills the panel from a preset; false when there is none by that name.
    bool applyPreset(const QString& title);
    void startRun();
    void togglePause();
    // The pace of this run and the next ones, shown in the transport bar and remembered.
    void setPace(const EpochPace& pace);
    // Plays the stored run in `runDirectory` back in the live view, gallery and status bar, at the
    // replay speed last chosen, without training. False, with the file and the problem in
    // `error` (or in a dialog when `error` is null), when the folder cannot be read or a run is
    // in training. Ends a replay already shown.
    bool replayRun(const QString& runDirectory, QString* error = nullptr);
    // Shows the stored run in `runDirectory` at its end at once (every epoch, the gallery at the
    // last), paused, through the same replay; false as replayRun.
    bool showRunAtEnd(const QString& runDirectory, QString* error = nullptr);
    // Replays the run selected in RUNS (a dialog when none is).
    void replaySelectedRun();
    // Opens the "Get CIFAR-10…" download; on success the panel switches to the new folder.
    CifarDownloadDialog* getCifar();
    // Opens the sweep dialog with the panel's settings as the base of every run.
    SweepDialog* openSweep();
    // Writes Figure 1 (a)(b)(c), the live curves and a gallery sheet into `folder`; returns the
    // files written (empty, with a dialog, on failure).
    QStringList exportFigureSet(const QString& folder);
    // Presentation mode and light/dark, applied to the window and to exported figures; saved.
    void setTheme(const PlotTheme& theme);
    // Opens a lecture file (":/lectures/…" for a built-in one) at its first step; false, with a
    // dialog naming the file and the line, when it does not read.
    bool openLecture(const QString& path);
    void openLecture(const Lecture& lecture);

    TrainingController* controller() const { return m_controller; }
    ExperimentPanel* experimentPanel() const { return m_panel; }
    TransportBar* transportBar() const { return m_transport; }
    // The run the live view, gallery, status bar and RUNS row follow.
    LiveRun* liveRun() const { return m_liveRun; }
    // The replay of a stored run and its strip above the views (shown while one is replayed).
    RunReplay* runReplay() const { return m_replay; }
    ReplayBar* replayBar() const { return m_replayBar; }
    LiveView* liveView() const { return m_live; }
    SampleGallery* sampleGallery() const { return m_gallery; }
    CorruptionPreview* corruptionPreview() const { return m_preview; }
    StatusBar* runStatusBar() const { return m_status; }
    QTabWidget* lowerTabs() const { return m_tabs; }
    SweepController* sweepController() const { return m_sweeps; }
    SlurmSweepMonitor* slurmMonitor() const { return m_slurm; }
    Figure1View* figure1View() const { return m_figure1; }
    MemorizationView* memorizationView() const { return m_memorization; }
    PaperView* paperView() const { return m_paper; }
    QAction* presentationAction() const;
    QAction* darkAction() const;
    WindowActions* actions() const { return m_actions; }
    WindowLayout* windowLayout() const { return m_layout; }
    QDockWidget* experimentDock() const { return m_experimentDock; }
    QDockWidget* runsDock() const { return m_runsDock; }
    QDockWidget* samplesDock() const { return m_samplesDock; }
    // "Live" and "Compare".
    QTabWidget* viewTabs() const { return m_views; }
    RunListPanel* runList() const { return m_runs; }
    CompareView* compareView() const { return m_compare; }
    // The banner above the views that describes the preset the settings match.
    QLabel* presetBanner() const { return m_presetDescription; }
    TheoryView* theoryView() const { return m_theory; }
    LectureController* lectureController() const { return m_lecture; }
    LectureBanner* lectureBanner() const { return m_lectureBanner; }
    LectureMenu* lectureMenu() const { return m_lectureMenu; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void wire();
    void wireLiveRun();
    void wireSweeps();
    void wireMemorizationAndPaper();
    // The run the Memorization tab shows: the run in training, else the selected or first
    // ticked run.
    QString memorizationRun() const;
    void wireSlurmSweeps();
    void addTheoryTab();
    void wireActions();
    void wireReplay();
    // Loads a run into the replay, paused at epoch 0; false (message in `error` or a dialog)
    // while a run trains or when the folder cannot be read.
    bool openReplay(const QString& runDirectory, QString* error);
    QString replayStatusText() const;
    void showError(const QString& message);
    void restoreSettings();
    void saveSettings() const;
    void onStateChanged(TrainingController::State state);
    // Step, the pace and the preset box/banner that follow the panel's settings.
    void wireDemoControls();
    void showPresetMatch(const QString& title, const QString& description);
    // The Lecture menu, the banner over the charts and the keys that walk a lecture.
    void wireLecture();
    void updateLectureKeys();

    TrainingController* m_controller;
    TransportBar* m_transport;
    ExperimentPanel* m_panel;
    LiveRun* m_liveRun;
    LiveView* m_live;
    SampleGallery* m_gallery;
    CorruptionPreview* m_preview;
    StatusBar* m_status;
    QTabWidget* m_tabs;
    QTabWidget* m_views;
    RunListPanel* m_runs;
    CompareView* m_compare;
    QLabel* m_presetDescription;
    PresetTracker* m_presetTracker;
    SweepController* m_sweeps;
    SlurmSweepMonitor* m_slurm;
    Figure1View* m_figure1;
    MemorizationView* m_memorization;
    PaperView* m_paper;
    int m_slurmFinished = -1;  // finished points of the followed Slurm sweep, as last drawn
    TheoryView* m_theory = nullptr;
    RunReplay* m_replay = nullptr;
    ReplayBar* m_replayBar = nullptr;
    WindowActions* m_actions = nullptr;
    WindowLayout* m_layout = nullptr;
    QToolBar* m_toolbar = nullptr;
    QDockWidget* m_experimentDock = nullptr;
    QDockWidget* m_runsDock = nullptr;
    QDockWidget* m_samplesDock = nullptr;
    QWidget* m_memorizationPage = nullptr;  // the Memorization tab: the view in a scroll area
    bool m_shownOnce = false;
    QPointer<SweepDialog> m_sweepDialog;
    QString m_previewSpec;
    std::unique_ptr<WindowLectureStage> m_lectureStage;
    LectureController* m_lecture = nullptr;
    LectureBanner* m_lectureBanner = nullptr;
    LectureMenu* m_lectureMenu = nullptr;
};

}  // namespace shatter
