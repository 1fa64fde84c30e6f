#include "window/main_window.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QShortcut>
#include <QTabWidget>
#include <QToolBar>
#include <QTimer>
#include <QVBoxLayout>
#include <exception>
#include <nlohmann/json.hpp>

#include "common/app_settings.h"
#include "common/indicator_style.h"
#include "common/wheel_guard.h"
#include "data/cifar_download_dialog.h"
#include "experiment/corruption_preview.h"
#include "experiment/experiment_panel.h"
#include "experiment/preset_library.h"
#include "experiment/preset_tracker.h"
#include "figures/figure1_view.h"
#include "figures/figure_set_exporter.h"
#include "lecture/lecture_banner.h"
#include "lecture/lecture_controller.h"
#include "lecture/lecture_library.h"
#include "lecture/lecture_menu.h"
#include "live/live_run.h"
#include "live/live_view.h"
#include "live/replay_bar.h"
#include "live/run_replay.h"
#include "live/sample_gallery.h"
#include "live/transport_bar.h"
#include "memorization/memorization_view.h"
#include "paper/paper_view.h"
#include "runs/compare_view.h"
#include "runs/run_list_panel.h"
#include "runs/run_table_model.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "sweep/slurm_sweep_monitor.h"
#include "sweep/sweep_controller.h"
#include "sweep/sweep_dialog.h"
#include "theory/theory_controller.h"
#include "theory/theory_view.h"
#include "window/status_bar.h"
#include "window/window_actions.h"
#include "window/window_layout.h"
#include "window/window_lecture_stage.h"

namespace shatter {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_controller(new TrainingController(this)),
      m_transport(new TransportBar),
      m_panel(new ExperimentPanel),
      m_liveRun(new LiveRun(this)),
      m_live(new LiveView(m_liveRun)),
      m_gallery(new SampleGallery(m_liveRun)),
      m_preview(new CorruptionPreview),
      m_status(new StatusBar),
      m_tabs(new QTabWidget),
      m_views(new QTabWidget),
      m_runs(new RunListPanel),
      m_compare(new CompareView),
      m_presetDescription(new QLabel),
      m_presetTracker(new PresetTracker(this)),
      m_sweeps(new SweepController(this)),
      m_slurm(new SlurmSweepMonitor(this)),
      m_figure1(new Figure1View),
      m_memorization(new MemorizationView),
      m_paper(new PaperView) {
    setWindowTitle("Shatter");
    setObjectName("ShatterMainWindow");
    m_replay = new RunReplay(this);
    m_replayBar = new ReplayBar(m_replay);

    m_toolbar = new QToolBar("Transport");
    m_toolbar->setObjectName("transport");
    m_toolbar->setMovable(false);
    m_toolbar->addWidget(m_transport);
    addToolBar(Qt::TopToolBarArea, m_toolbar);
    m_actions = new WindowActions(this);
    m_actions->fillToolbar(m_toolbar);
    // The wheel changes a setting only once the field has been clicked or tabbed into.
    qApp->installEventFilter(new WheelGuard(this));

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_panel->sizeHint().width() + 20);

    m_presetDescription->setObjectName("presetBanner");
    m_presetDescription->setWordWrap(true);
    m_presetDescription->setVisible(false);
    m_presetDescription->setContentsMargins(8, 4, 8, 4);
    m_presetDescription->setStyleSheet("QLabel { background: palette(alternate-base); }");

    m_tabs->addTab(m_gallery, "Samples");
    // The preview's rows of images scroll rather than set the window's minimum width.
    auto* previewScroll = new QScrollArea;
    previewScroll->setWidget(m_preview);
    previewScroll->setWidgetResizable(true);
    previewScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->addTab(previewScroll, "Corruption preview");


    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_presetDescription);
    rightLayout->addWidget(m_replayBar);
    m_views->addTab(m_live, "Live");
    m_views->addTab(m_compare, "Compare");
    m_views->addTab(m_figure1, "Figure 1");
    // Four charts in a grid: on a narrow screen they scroll rather than widen the window.
    auto* memorizationScroll = new QScrollArea;
    memorizationScroll->setWidget(m_memorization);
    memorizationScroll->setWidgetResizable(true);
    memorizationScroll->setFrameShape(QFrame::NoFrame);
    m_memorizationPage = memorizationScroll;
    m_views->addTab(memorizationScroll, "Memorization");
    m_views->addTab(m_paper, "Paper");
    addTheoryTab();
    m_views->setDocumentMode(true);
    rightLayout->addWidget(m_views, 1);

    setCentralWidget(right);
    setStatusBar(m_status);
    setDockOptions(QMainWindow::AnimatedDocks | QMainWindow::AllowTabbedDocks);
    m_experimentDock = new QDockWidget("Experiment");
    m_experimentDock->setObjectName("experimentDock");
    m_experimentDock->setWidget(scroll);
    m_runsDock = new QDockWidget("Runs");
    m_runsDock->setObjectName("runsDock");
    m_runsDock->setWidget(m_runs);
    for (QDockWidget* dock : {m_experimentDock, m_runsDock})
        dock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    // The gallery and the corruption preview: under the charts, or beside them on a short screen.
    m_samplesDock = new QDockWidget("Samples");
    m_samplesDock->setObjectName("samplesDock");
    m_samplesDock->setWidget(m_tabs);
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_layout = new WindowLayout(this, {m_experimentDock, m_runsDock, m_samplesDock},
                                {m_toolbar, m_status, menuBar(), m_presetDescription});
    QAction* showExperiment = m_experimentDock->toggleViewAction();
    showExperiment->setText("&Experiment panel");
    showExperiment->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    QAction* showRuns = m_runsDock->toggleViewAction();
    showRuns->setText("&Runs");
    showRuns->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    QAction* showSamples = m_samplesDock->toggleViewAction();
    showSamples->setText("&Samples and corruption preview");
    showSamples->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    for (QAction* action : {showExperiment, showRuns, showSamples}) {
        action->setShortcutContext(Qt::ApplicationShortcut);
        addAction(action);
    }
    m_actions->fillMenus(menuBar(), {showExperiment, showRuns, showSamples});
    wireActions();
    m_lectureBanner = new LectureBanner;
    m_lectureBanner->setVisible(false);
    rightLayout->insertWidget(0, m_lectureBanner);

    m_transport->setPresets(PresetLibrary::titles());
    m_runs->setRunsRoot(TrainingController::runsRoot());
    wireLiveRun();
    wire();
    wireReplay();
    wireDemoControls();
    wireSweeps();
    wireMemorizationAndPaper();
    wireSlurmSweeps();
    // Last: a lecture step reacts to a run's end after the live run and the panels have.
    wireLecture();
    restoreSettings();
    setTheme(PlotTheme::fromSettings());
    if (PlotTheme::current().presentation) m_layout->resumePresentation(AppSettings::windowState.isSet());
}

MainWindow::~MainWindow() {
    m_sweeps->shutdown();
    m_controller->shutdown();
}

void MainWindow::wireActions() {
    connect(m_actions->start(), &QAction::triggered, this, &MainWindow::startRun);
    connect(m_actions->pause(), &QAction::triggered, this, [this]() {
        if (m_replay->isActive() && !m_controller->isActive()) {
            m_replay->togglePlaying();
            return;
        }
        m_controller->setPaused(m_controller->state() != TrainingController::State::Paused);
    });
    connect(m_actions->step(), &QAction::triggered, m_controller, &TrainingController::step);
    connect(m_actions->stop(), &QAction::triggered, this, [this]() {
        if (m_replay->isActive() && !m_controller->isActive()) {
            m_replay->close();
            return;
        }
        m_controller->stop();
    });
    connect(m_actions->sweep(), &QAction::triggered, this, &MainWindow::openSweep);
    connect(m_actions->exportFigureSet(), &QAction::triggered, this, [this]() {
        const QString parent = QFileDialog::getExistingDirectory(this, "Export figure set into", QDir::homePath());
        if (parent.isEmpty()) return;
        const QString folder =
            parent + "/shatter-figures-" + QDateTime::currentDateTime().toString("yyyyMMdd-HHmmss");
        const QStringList files = exportFigureSet(folder);
        if (!files.isEmpty()) m_status->showMessage(QString("%1 files written to %2").arg(files.size()).arg(folder), 8000);
    });
    connect(m_actions->quit(), &QAction::triggered, this, &QWidget::close);
    auto themeFromActions = [this]() {
        PlotTheme theme;
        theme.presentation = m_actions->presentation()->isChecked();
        theme.dark = m_actions->dark()->isChecked();
        setTheme(theme);
    };
    connect(m_actions->presentation(), &QAction::toggled, this, themeFromActions);
    connect(m_actions->dark(), &QAction::toggled, this, themeFromActions);
    // Only the user's toggle moves the panels: a saved presentation mode comes with its saved layout.
    connect(m_actions->presentation(), &QAction::toggled, m_layout, &WindowLayout::setPresentation);
    connect(m_actions->chartsOnly(), &QAction::toggled, m_layout, &WindowLayout::setChartsOnly);
}

void MainWindow::setTheme(const PlotTheme& theme) {
    static const QPalette lightPalette = QApplication::palette();
    const QFont base = PlotTheme::screenBaseFont();
    PlotTheme::setCurrent(theme);
    theme.save();
    {
        const QSignalBlocker a(m_actions->presentation()), b(m_actions->dark());
        m_actions->presentation()->setChecked(theme.presentation);
        m_actions->dark()->setChecked(theme.dark);
    }
    IndicatorStyle::install();  // check boxes and radio buttons that show on the dark palette
    QApplication::setPalette(theme.windowPalette(lightPalette));
    QApplication::setFont(theme.font(base));
    m_presetDescription->setStyleSheet(m_presetDescription->styleSheet());  // re-resolve palette()
    m_live->applyTheme(theme);
    m_gallery->applyTheme(theme);
    m_preview->applyTheme(theme);
    m_figure1->applyTheme(theme);
    m_compare->applyTheme(theme);
    m_memorization->applyTheme(theme);
    m_theory->applyTheme(theme);
    m_lectureBanner->applyTheme(theme);
}

SweepDialog* MainWindow::openSweep() {
    if (m_controller->isActive()) {
        showError("A run is in progress: stop it before starting a sweep.");
        return nullptr;
    }
    if (!m_sweepDialog) {
        m_sweepDialog = new SweepDialog(m_sweeps, m_slurm, m_panel->config(), this);
        m_sweepDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_sweepDialog, &SweepDialog::sweepStarted, this, [this](const QString& folder) {
            // A sweep outside the runs folder (a cluster's shared folder) is listed as well.
            const QString root = QDir(m_runs->runsRoot()).absolutePath() + "/";
            if (!QDir(folder).absolutePath().startsWith(root)) m_runs->addFolder(folder);
        });
    }
    m_sweepDialog->show();
    m_sweepDialog->raise();
    return m_sweepDialog;
}

QStringList MainWindow::exportFigureSet(const QString& folder) {
    std::vector<FigureSetExporter::NamedFigure> figures = m_figure1->figures();
    for (auto& live : m_live->figures()) figures.push_back(std::move(live));
    QString error;
    QStringList missing;
    const QStringList files =
        FigureSetExporter::write(folder, figures, m_gallery->data(), PlotTheme::current(), &error,
                                 {{"figure1-three-panels", m_figure1->panels()}}, &missing);
    if (!error.isEmpty()) {
        showError(error);
        return {};
    }
    if (!missing.isEmpty())
        showError("The figure set in " + folder + " lacks " + missing.join("; ") + ".");
    return files;
}

void MainWindow::wireLiveRun() {
    // Both controllers feed the one LiveRun; the live view and the gallery follow it by
    // themselves, the status bar and the RUNS row through these connections.
    m_liveRun->follow(m_controller);
    m_liveRun->follow(m_sweeps);
    m_liveRun->follow(m_replay);
    connect(m_liveRun, &LiveRun::begun, m_status, &StatusBar::beginRun);
    connect(m_liveRun, &LiveRun::started, m_status, &StatusBar::showStart);
    connect(m_liveRun, &LiveRun::progress, m_status, &StatusBar::showProgress);
    connect(m_liveRun, &LiveRun::epochAdded, m_status, &StatusBar::showEpoch);
    // The RUNS row of the run in progress takes its numbers from memory, not from its folder.
    connect(m_liveRun, &LiveRun::directoryChanged, m_runs, &RunListPanel::setActiveRun);
    connect(m_liveRun, &LiveRun::epochAdded, this, [this]() {
        if (const RunEntry* listed = m_runs->entry(m_liveRun->directory())) {
            m_runs->updateEntry(m_liveRun->history().entry(*listed));
        }
    });
}

void MainWindow::wireReplay() {
    m_replayBar->setVisible(false);
    m_replay->setSpeed(AppSettings::replaySpeed.value());
    connect(m_replay, &RunReplay::activeChanged, this, [this](bool active) {
        m_replayBar->setVisible(active && (m_lecture == nullptr || !m_lecture->isOpen()));
        m_actions->setReplay(active, m_replay->isPlaying());
        if (!active) m_status->showReplay("Replay ended: " + m_replay->title());
        if (m_lecture != nullptr) updateLectureKeys();
    });
    connect(m_replay, &RunReplay::changed, this, [this]() {
        m_actions->setReplay(m_replay->isActive(), m_replay->isPlaying());
        if (m_replay->isActive()) m_status->showReplay(replayStatusText());
        if (m_replay->speed() != AppSettings::replaySpeed.value()) AppSettings::replaySpeed.setValue(m_replay->speed());
    });
    connect(m_replay, &RunReplay::dataPrepared, m_gallery, &SampleGallery::setData);
    connect(m_replay, &RunReplay::dataUnavailable, m_gallery, &SampleGallery::setNote);
    connect(m_runs, &RunListPanel::replayRequested, this, [this](const QString& directory) { replayRun(directory); });
    connect(m_actions->replay(), &QAction::triggered, this, &MainWindow::replaySelectedRun);
    connect(m_actions->replayFaster(), &QAction::triggered, m_replay, &RunReplay::faster);
    connect(m_actions->replaySlower(), &QAction::triggered, m_replay, &RunReplay::slower);
    connect(m_actions->replayForward(), &QAction::triggered, m_replay, [this]() { m_replay->step(1); });
    connect(m_actions->replayBack(), &QAction::triggered, m_replay, [this]() { m_replay->step(-1); });
    connect(m_actions->replayFirst(), &QAction::triggered, m_replay, [this]() { m_replay->seek(0); });
    connect(m_actions->replayLast(), &QAction::triggered, m_replay,
            [this]() { m_replay->seek(m_replay->epochCount()); });
    // A sweep's points take the live view over.
    connect(m_sweeps, &SweepController::activeChanged, m_replay, [this](bool active) {
        if (active) m_replay->close();
    });
}

bool MainWindow::openReplay(const QString& runDirectory, QString* error) {
    QString message;
    if (m_controller->isActive() || m_sweeps->isActive()) {
        message = "A run is in training: stop it (Esc) before replaying a stored run.";
    } else if (m_replay->load(runDirectory, &message)) {
        m_views->setCurrentIndex(0);  // the live curves
        if (!m_replay->run().hasPredictions()) {
            m_gallery->setNote("This run has no per-epoch predictions (no predictions.bin): the gallery shows "
                               "its images and labels only.");
        }
        return true;
    }
    if (error) {
        *error = message;
    } else {
        showError(message);
    }
    return false;
}

bool MainWindow::replayRun(const QString& runDirectory, QString* error) {
    if (!openReplay(runDirectory, error)) return false;
    m_replay->play();
    return true;
}

bool MainWindow::showRunAtEnd(const QString& runDirectory, QString* error) {
    if (!openReplay(runDirectory, error)) return false;
    m_replay->seek(m_replay->epochCount());
    return true;
}

void MainWindow::replaySelectedRun() {
    const QString selected = m_runs->selectedDirectory();
    if (selected.isEmpty()) {
        showError("Select a run in RUNS to replay it.");
        return;
    }
    replayRun(selected);
}

QString MainWindow::replayStatusText() const {
    QString state = m_replay->isPlaying() ? "playing" : "paused";
    if (m_replay->epoch() >= m_replay->epochCount()) {
        state = QString("at its last epoch (the run %1)")
                    .arg(QString::fromStdString(toString(m_replay->run().summary().status)));
    }
    return QString("Replay of %1 · %2 · %3")
        .arg(m_replay->title(), ReplayBar::speedText(m_replay->speed()), state);
}

QString MainWindow::memorizationRun() const {
    if (!m_liveRun->directory().isEmpty()) return m_liveRun->directory();
    if (m_replay->isActive()) return m_replay->directory();
    const QString selected = m_runs->selectedDirectory();
    if (!selected.isEmpty()) return selected;
    const QStringList ticked = m_runs->tickedDirectories();
    return ticked.isEmpty() ? QString() : ticked.front();
}

void MainWindow::wireMemorizationAndPaper() {
    // Both tabs read run folders: they refresh when shown, and the Memorization tab after every
    // epoch of the run in training while it is shown.
    connect(m_views, &QTabWidget::currentChanged, this, [this]() {
        if (m_views->currentWidget() == m_memorizationPage) m_memorization->showRun(memorizationRun());
        if (m_views->currentWidget() == m_paper) m_paper->setEntries(m_runs->entries());
    });
    connect(m_liveRun, &LiveRun::epochAdded, this, [this]() {
        // A replayed run's folder does not change: the tab showed all of it already.
        if (m_views->currentWidget() == m_memorizationPage && !m_liveRun->directory().isEmpty())
            m_memorization->showRun(m_liveRun->directory());
    });
    connect(m_runs, &RunListPanel::comparisonChanged, this, [this]() {
        if (m_views->currentWidget() == m_memorizationPage) m_memorization->showRun(memorizationRun());
    });
    connect(m_paper, &PaperView::runMissingRequested, this, [this](const QStringList& keys) {
        QMessageBox::information(
            this, "Run missing rows",
            QString("Rows without a full-scale run: %1.\n\nTrain them (resumable) with:\n"
                    "shatter-cli table1 --dataset cifar10:DIR --out DIR --rows %2\n"
                    "(add --train-size N --epochs E for a quick scale, shown apart).")
                .arg(keys.join(", "), keys.join(",")));
    });
}

void MainWindow::wireSweeps() {
    connect(m_sweeps, &SweepController::activeChanged, this, [this](bool active) {
        m_transport->setEnabled(!active);
        m_actions->setSingleRunsAllowed(!active);
        m_panel->setRunning(active);
        if (!active) m_status->showState(TrainingController::State::Idle);
    });
    connect(m_sweeps, &SweepController::pointStarted, this,
            [this](int index, int count, const QString& name) {
                m_views->setCurrentIndex(0);  // the point's live curves
                m_status->showMessage(
                    QString("Sweep: point %1 of %2 (%3)").arg(index + 1).arg(count).arg(name), 0);
            });
    connect(m_sweeps, &SweepController::finished, this, [this](const QString& directory, bool cancelled) {
        m_status->clearMessage();
        m_status->showMessage((cancelled ? "Sweep cancelled: " : "Sweep finished: ") + directory, 10000);
        QString error;
        if (m_figure1->loadFolders({directory}, &error)) m_views->setCurrentWidget(m_figure1);
    });
    connect(m_sweeps, &SweepController::failed, this, &MainWindow::showError);
}

void MainWindow::wireSlurmSweeps() {
    connect(m_slurm, &SlurmSweepMonitor::activeChanged, this, [this](bool active) {
        if (active) m_slurmFinished = -1;
    });
    connect(m_slurm, &SlurmSweepMonitor::statusChanged, this, [this](const SweepStatus& status) {
        // RUNS: the points' run folders appear as their tasks start; an unfinished one shows
        // what Slurm says about it.
        QHash<QString, QString> states;
        QHash<QString, QString> tasks;
        QStringList finished;
        bool unlisted = false;
        for (const SweepStatus::Point& point : status.points) {
            if (point.directory.empty()) continue;
            const QString directory = QString::fromStdString(point.directory);
            states.insert(directory, QString::fromStdString(toString(point.state)));
            tasks.insert(directory, QString::fromStdString(point.task));
            if (point.state == PointState::Finished) finished << directory;
            const RunEntry* listed = m_runs->entry(directory);
            if (listed == nullptr)
                unlisted = true;
            else if (listed->status() == RunStatus::Incomplete)
                m_runs->refreshRun(directory);
        }
        if (unlisted) m_runs->refresh();
        m_runs->model()->setSchedulerStates(states, tasks);
        m_status->showMessage(
            QString("Slurm sweep: %1 of %2 points finished, %3 running, %4 pending")
                .arg(status.count(PointState::Finished))
                .arg(status.points.size())
                .arg(status.count(PointState::Running))
                .arg(status.count(PointState::Pending)),
            0);
        // Figure 1 from whatever has finished so far.
        if (finished.size() != m_slurmFinished && !finished.isEmpty()) {
            const bool first = m_slurmFinished <= 0;
            m_slurmFinished = int(finished.size());
            QString error;
            // Once every point finished, the sweep folder itself (one source instead of each run).
            const QStringList source = finished.size() == int(status.points.size())
                                           ? QStringList{m_slurm->directory()}
                                           : finished;
            if (m_figure1->loadFolders(source, &error) && first)
                m_views->setCurrentWidget(m_figure1);
        }
    });
    connect(m_slurm, &SlurmSweepMonitor::finished, this, [this](const QString& directory) {
        m_status->showMessage("Slurm sweep ended: " + directory, 10000);
    });
    connect(m_slurm, &SlurmSweepMonitor::failed, this,
            [this](const QString& message) { m_status->showMessage(message, 10000); });
}

void MainWindow::addTheoryTab() {
    // The theory constructions run on the panel's data and labels, on their own worker thread.
    auto* controller = new TheoryController(this);
    m_theory = new TheoryView(controller, [this]() { return m_panel->config(); });
    m_views->addTab(m_theory, "Theory");
    connect(m_panel, &ExperimentPanel::edited, m_theory, &TheoryView::refresh);
    // A theory run's folder is listed as soon as it appears; read it again once it has results.
    connect(controller, &TheoryController::expressivityBuilt, m_runs,
            [this](std::shared_ptr<const ExpressivityOutcome> outcome) {
                m_runs->refreshRun(outcome->directory);
            });
    connect(controller, &TheoryController::kernelFinished, m_runs,
            [this](const KernelOutcome& outcome) { m_runs->refreshRun(outcome.directory); });
    connect(controller, &TheoryController::failed, m_runs, [this]() { m_runs->refresh(); });
    connect(m_controller, &TrainingController::datasetLoaded, m_theory,
            [this](const QString&, std::shared_ptr<const Dataset> dataset) {
                TheorySize::Splits splits;
                splits.trainImages = std::int64_t(dataset->train.size());
                splits.testImages = std::int64_t(dataset->test.size());
                splits.channels = dataset->train.channels;
                splits.classes = dataset->classCount();
                m_theory->controller()->setSplits(splits);
                m_theory->refresh();
            });
}

void MainWindow::wire() {
    connect(m_transport, &TransportBar::startRequested, this, &MainWindow::startRun);
    connect(m_transport, &TransportBar::pauseToggled, m_controller, &TrainingController::setPaused);
    connect(m_transport, &TransportBar::stopRequested, m_controller, &TrainingController::stop);
    connect(m_transport, &TransportBar::presetChosen, this, &MainWindow::applyPreset);
    connect(m_panel, &ExperimentPanel::learningRateChanged, m_controller,
            &TrainingController::setLearningRate);
    connect(m_panel, &ExperimentPanel::datasetChanged, this, [this](const QString& spec) {
        if (spec == m_previewSpec || spec.endsWith(':')) return;
        m_previewSpec = spec;
        m_controller->preloadDataset(spec);
    });
    connect(m_panel, &ExperimentPanel::trainingDataChanged, this, [this]() { m_preview->setConfig(m_panel->config()); });

    connect(m_panel->getCifarButton(), &QPushButton::clicked, this, &MainWindow::getCifar);

    connect(m_controller, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &TrainingController::datasetLoaded, this,
            [this](const QString& spec, std::shared_ptr<const Dataset> dataset) {
                if (spec != m_previewSpec) return;
                m_preview->setDataset(spec, dataset);
                m_panel->setFullTrainSize(int(dataset->train.size()));
            });
    connect(m_controller, &TrainingController::dataPrepared, m_gallery, &SampleGallery::setData);
    connect(m_sweeps, &SweepController::dataPrepared, m_gallery, &SampleGallery::setData);
    connect(m_controller, &TrainingController::finished, m_status, &StatusBar::showFinished);
    connect(m_controller, &TrainingController::failed, m_status, &StatusBar::showFailed);
    connect(m_controller, &TrainingController::failed, this, &MainWindow::showError);

    // The comparison follows the ticks.
    connect(m_runs, &RunListPanel::comparisonChanged, this, [this]() { m_compare->setRuns(m_runs->tickedEntries()); });
    connect(m_runs, &RunListPanel::compareRequested, this, [this]() { m_views->setCurrentWidget(m_compare); });
    connect(m_runs, &RunListPanel::errorOccurred, this, &MainWindow::showError);

    // Space starts or pauses too, except where it is typed: a text field takes it first.
    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    connect(space, &QShortcut::activated, this, &MainWindow::togglePause);
}

bool MainWindow::applyPreset(const QString& title) {
    try {
        const std::optional<Preset> preset = PresetLibrary::find(title);
        if (!preset) return false;
        // The preset box and the banner follow from the tracker once the panel is filled.
        m_presetTracker->choose(preset->title);
        m_panel->setConfig(preset->config);
        if (preset->pace) setPace(*preset->pace);
        return true;
    } catch (const std::exception& error) {
        showError(QString::fromStdString(error.what()));
        return false;
    }
}

void MainWindow::wireDemoControls() {
    connect(m_transport, &TransportBar::stepRequested, m_controller, &TrainingController::step);
    connect(m_transport, &TransportBar::paceChosen, this, &MainWindow::setPace);
    connect(m_panel, &ExperimentPanel::edited, this,
            [this]() { m_presetTracker->check(m_panel->config()); });
    connect(m_presetTracker, &PresetTracker::matched, this, &MainWindow::showPresetMatch);
}

void MainWindow::showPresetMatch(const QString& title, const QString& description) {
    // Custom settings: the box says so and the preset's description no longer applies.
    m_transport->setCurrentPreset(title);
    m_presetDescription->setText(title.isEmpty() ? QString()
                                                 : "<b>" + title.toHtmlEscaped() + "</b> — " +
                                                       description.toHtmlEscaped());
    // While a lecture is open its banner says what the settings are for.
    m_presetDescription->setVisible(!title.isEmpty() && !m_lecture->isOpen());
}

void MainWindow::wireLecture() {
    m_lectureStage = std::make_unique<WindowLectureStage>(
        this, [this](const QString& runDirectory, QString* error) {
            return showRunAtEnd(runDirectory, error);
        });
    m_lecture = new LectureController(m_lectureStage.get(), this);
    m_lectureMenu = new LectureMenu(this, menuBar());
    connect(m_lectureMenu, &LectureMenu::lectureChosen, this,
            [this](const QString& path) { openLecture(path); });
    connect(m_lectureMenu->openFile(), &QAction::triggered, this, [this]() {
        const QString folder = QDir(LectureLibrary::userFolder()).exists() ? LectureLibrary::userFolder()
                                                                           : QDir::homePath();
        const QString path =
            QFileDialog::getOpenFileName(this, "Open lecture file", folder, "Lecture files (*.json)");
        if (!path.isEmpty()) openLecture(path);
    });
    connect(m_lectureMenu->next(), &QAction::triggered, m_lecture, &LectureController::next);
    connect(m_lectureMenu->back(), &QAction::triggered, m_lecture, &LectureController::back);
    connect(m_lectureMenu->end(), &QAction::triggered, m_lecture, &LectureController::end);
    connect(m_lectureBanner, &LectureBanner::nextRequested, m_lecture, &LectureController::next);
    connect(m_lectureBanner, &LectureBanner::backRequested, m_lecture, &LectureController::back);
    connect(m_lectureBanner, &LectureBanner::endRequested, m_lecture, &LectureController::end);
    connect(m_lecture, &LectureController::opened, this, [this]() {
        m_lectureBanner->setVisible(true);
        m_presetDescription->setVisible(false);
        updateLectureKeys();
    });
    connect(m_lecture, &LectureController::stepChanged, this,
            [this](int index) { m_lectureBanner->showStep(m_lecture->lecture(), index); });
    connect(m_lecture, &LectureController::statusChanged, m_lectureBanner, &LectureBanner::setStatus);
    connect(m_lecture, &LectureController::failed, this, &MainWindow::showError);
    connect(m_lecture, &LectureController::ended, this, [this]() {
        m_lectureBanner->setVisible(false);
        m_presetDescription->setVisible(!m_presetDescription->text().isEmpty());
        updateLectureKeys();
    });
    // A step waits for the run or sweep it stopped, or carries on once what it trained ends:
    // on the next turn of the event loop, once the run's last signals (finished) are through.
    connect(m_controller, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        updateLectureKeys();
        if (state == TrainingController::State::Idle) QTimer::singleShot(0, m_lecture, &LectureController::stageIdle);
    });
    connect(m_sweeps, &SweepController::activeChanged, this, [this](bool active) {
        updateLectureKeys();
        if (!active) QTimer::singleShot(0, m_lecture, &LectureController::stageIdle);
    });
}

void MainWindow::updateLectureKeys() {
    const bool training = m_controller->isActive() || m_sweeps->isActive();
    m_lectureMenu->setLectureState(m_lecture->isOpen(), training);
    // Esc stops a run first; otherwise, during a lecture, it ends the lecture (not the replay of
    // the step's stored run, whose strip the lecture's banner replaces).
    m_actions->setEscapeTaken(m_lecture->isOpen() && !training);
    m_replayBar->setVisible(m_replay->isActive() && !m_lecture->isOpen());
}

bool MainWindow::openLecture(const QString& path) {
    try {
        openLecture(LectureLibrary::load(path));
        return true;
    } catch (const ShatterError& error) {
        showError("The lecture cannot be opened.\n\n" + QString::fromStdString(error.what()));
        return false;
    }
}

void MainWindow::openLecture(const Lecture& lecture) { m_lecture->open(lecture); }

void MainWindow::setPace(const EpochPace& pace) {
    m_transport->setPace(pace);
    m_controller->setPace(pace);
    AppSettings::demoPace.setValue(QString::fromStdString(pace.key()));
}

void MainWindow::startRun() {
    if (m_controller->isActive() || m_sweeps->isActive()) return;
    m_replay->close();  // the live view follows the new run
    // The run pipeline validates the settings; a bad one comes back through failed().
    const RunConfig config = m_panel->config();
    m_views->setCurrentIndex(0);  // the new run's live curves
    // The keyboard goes to the curves, not to a field: Space then pauses instead of typing.
    m_views->setFocus(Qt::OtherFocusReason);
    m_liveRun->begin(config.epochs);
    saveSettings();
    m_controller->start(config);
}

CifarDownloadDialog* MainWindow::getCifar() {
    auto* dialog = new CifarDownloadDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CifarDownloadDialog::folderReady, this, [this](const QString& folder) {
        ExperimentPanel::rememberFolder("cifar10", folder);
        RunConfig config = m_panel->config();
        config.dataset = ("cifar10:" + folder).toStdString();
        m_panel->setConfig(config);
    });
    dialog->open();
    dialog->begin();
    return dialog;
}

void MainWindow::togglePause() {
    using State = TrainingController::State;
    if (m_sweeps->isActive()) return;
    if (m_replay->isActive() && !m_controller->isActive()) {
        m_replay->togglePlaying();
        return;
    }
    switch (m_controller->state()) {
        case State::Idle: startRun(); break;
        case State::Running: m_controller->setPaused(true); break;
        case State::Paused: m_controller->setPaused(false); break;
        default: break;
    }
}

void MainWindow::onStateChanged(TrainingController::State state) {
    m_transport->setState(state);
    m_actions->setRunState(state);
    m_panel->setRunning(state != TrainingController::State::Idle);
    m_status->showState(state);
}

void MainWindow::showError(const QString& message) {
    // Window-modal but not blocking: training signals and tests keep running behind it.
    auto* box = new QMessageBox(QMessageBox::Warning, "Shatter", message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    // Once closed, keys go back to the window, so that Space starts the next run.
    connect(box, &QMessageBox::finished, this, [this]() {
        activateWindow();
        if (QWidget* focused = focusWidget(); focused == nullptr || !focused->isEnabled()) setFocus();
    });
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Asks nothing: stops the run (the trainer checks between batches) and keeps what it wrote.
    m_sweeps->shutdown();
    m_controller->shutdown();
    saveSettings();
    event->accept();
}

void MainWindow::showEvent(QShowEvent* event) {
    QMainWindow::showEvent(event);
    // A geometry saved on a larger screen (or another monitor) is brought within this one.
    if (!m_shownOnce) m_layout->fitIntoScreen();
    m_shownOnce = true;
}

QAction* MainWindow::presentationAction() const { return m_actions->presentation(); }

QAction* MainWindow::darkAction() const { return m_actions->dark(); }

void MainWindow::saveSettings() const {
    AppSettings::windowGeometry.setValue(saveGeometry());
    AppSettings::windowState.setValue(saveState());
    AppSettings::experimentConfig.setValue(QString::fromStdString(m_panel->config().toJson().dump()));
    AppSettings::experimentPreset.setValue(m_transport->currentPreset());
    AppSettings::currentView.setValue(m_views->currentIndex());
    m_runs->saveState();
    m_compare->saveState();
}

void MainWindow::restoreSettings() {
    const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
    m_layout->arrangeFor(available);
    // 1280×800 where that fits; on a larger screen nine tenths of it, so the charts use the room.
    resize(QSize(1280, 800).expandedTo(available.size() * 9 / 10).boundedTo(available.size()));
    if (AppSettings::windowGeometry.isSet()) restoreGeometry(AppSettings::windowGeometry.value());
    if (AppSettings::windowState.isSet()) restoreState(AppSettings::windowState.value());
    try {
        setPace(EpochPace::parse(AppSettings::demoPace.value().toStdString()));
    } catch (const std::exception&) {
        setPace(EpochPace::fastest());  // a pace from another version
    }
    const QString saved = AppSettings::experimentConfig.value();
    bool restored = false;
    if (!saved.isEmpty()) {
        try {
            RunConfig config;
            config.mergeJson(nlohmann::json::parse(saved.toStdString()), "saved settings");
            m_presetTracker->choose(AppSettings::experimentPreset.value());
            m_panel->setConfig(config);
            restored = true;
        } catch (const std::exception&) {
            // Settings from another version: fall back to the classroom preset.
        }
    }
    if (!restored) applyPreset("Classroom: random labels");
    m_runs->restoreState();
    m_compare->restoreState();
    m_views->setCurrentIndex(AppSettings::currentView.value());
}

}  // namespace shatter
