#include "main_window.h"

#include <exception>

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "cifar_download_dialog.h"
#include "compare_view.h"
#include "corruption_preview.h"
#include "experiment_panel.h"
#include "live_view.h"
#include "preset_library.h"
#include "run_list_panel.h"
#include "sample_gallery.h"
#include "shatter_error.h"
#include "status_bar.h"
#include "transport_bar.h"

namespace shatter {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_controller(new TrainingController(this)),
      m_transport(new TransportBar),
      m_panel(new ExperimentPanel),
      m_live(new LiveView),
      m_gallery(new SampleGallery),
      m_preview(new CorruptionPreview),
      m_status(new StatusBar),
      m_tabs(new QTabWidget),
      m_views(new QTabWidget),
      m_runs(new RunListPanel),
      m_compare(new CompareView),
      m_presetDescription(new QLabel) {
    setWindowTitle("Shatter");
    setObjectName("ShatterMainWindow");

    auto* toolbar = new QToolBar("Transport");
    toolbar->setObjectName("transport");
    toolbar->setMovable(false);
    toolbar->addWidget(m_transport);
    addToolBar(Qt::TopToolBarArea, toolbar);

    auto* scroll = new QScrollArea;
    scroll->setWidget(m_panel);
    scroll->setWidgetResizable(true);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setMinimumWidth(m_panel->sizeHint().width() + 20);

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

    auto* centre = new QSplitter(Qt::Vertical);
    centre->addWidget(m_live);
    centre->addWidget(m_tabs);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 2);
    centre->setChildrenCollapsible(false);

    auto* right = new QWidget;
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_presetDescription);
    m_views->addTab(centre, "Live");
    m_views->addTab(m_compare, "Compare");
    m_views->setDocumentMode(true);
    rightLayout->addWidget(m_views, 1);

    auto* main = new QSplitter(Qt::Horizontal);
    main->addWidget(scroll);
    main->addWidget(right);
    main->addWidget(m_runs);
    main->setStretchFactor(1, 1);
    main->setChildrenCollapsible(false);
    setCentralWidget(main);
    setStatusBar(m_status);

    m_transport->setPresets(PresetLibrary::titles());
    m_runs->setRunsRoot(TrainingController::runsRoot());
    wire();
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow() { m_controller->shutdown(); }

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
    connect(m_panel, &ExperimentPanel::edited, this, [this]() { m_presetDescription->setVisible(false); });

    connect(m_panel->getCifarButton(), &QPushButton::clicked, this, &MainWindow::getCifar);

    connect(m_controller, &TrainingController::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_controller, &TrainingController::datasetLoaded, this,
            [this](const QString& spec, std::shared_ptr<const Dataset> dataset) {
                if (spec != m_previewSpec) return;
                m_preview->setDataset(dataset);
                m_panel->setFullTrainSize(int(dataset->train.size()));
            });
    connect(m_controller, &TrainingController::dataPrepared, m_gallery, &SampleGallery::setData);
    connect(m_controller, &TrainingController::started, m_status, &StatusBar::showStart);
    connect(m_controller, &TrainingController::progress, m_status, &StatusBar::showProgress);
    connect(m_controller, &TrainingController::epochEnded, this, [this](const EpochReport& report) {
        m_live->addEpoch(report.metrics);
        m_gallery->addEpoch(report);
        m_status->showEpoch(report);
    });
    connect(m_controller, &TrainingController::finished, m_status, &StatusBar::showFinished);
    connect(m_controller, &TrainingController::failed, this, &MainWindow::showError);

    // The run library follows the GUI's runs; the comparison follows the ticks.
    connect(m_controller, &TrainingController::runDirectoryCreated, m_runs, &RunListPanel::setActiveRun);
    connect(m_controller, &TrainingController::epochEnded, this,
            [this]() { m_runs->refreshRun(m_controller->runDirectory()); });
    connect(m_controller, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        if (state == TrainingController::State::Idle) m_runs->setActiveRun({});
    });
    connect(m_runs, &RunListPanel::comparisonChanged, this, [this]() { m_compare->setRuns(m_runs->tickedEntries()); });
    connect(m_runs, &RunListPanel::compareRequested, this, [this]() { m_views->setCurrentWidget(m_compare); });
    connect(m_runs, &RunListPanel::errorOccurred, this, &MainWindow::showError);

    auto* space = new QShortcut(QKeySequence(Qt::Key_Space), this);
    connect(space, &QShortcut::activated, this, &MainWindow::togglePause);
    auto* escape = new QShortcut(QKeySequence(Qt::Key_Escape), this);
    connect(escape, &QShortcut::activated, m_controller, &TrainingController::stop);
}

bool MainWindow::applyPreset(const QString& title) {
    try {
        const std::optional<Preset> preset = PresetLibrary::find(title);
        if (!preset) return false;
        m_panel->setConfig(preset->config);
        m_transport->setCurrentPreset(preset->title);
        m_presetDescription->setText("<b>" + preset->title.toHtmlEscaped() + "</b> — " +
                                     preset->description.toHtmlEscaped());
        m_presetDescription->setVisible(true);
        return true;
    } catch (const std::exception& error) {
        showError(QString::fromStdString(error.what()));
        return false;
    }
}

void MainWindow::startRun() {
    if (m_controller->isActive()) return;
    const RunConfig config = m_panel->config();
    try {
        config.validate();
    } catch (const ShatterError& error) {
        showError(QString::fromStdString(error.what()));
        return;
    }
    m_views->setCurrentIndex(0);  // the new run's live curves
    m_live->beginRun(config.epochs);
    m_gallery->setData(nullptr);
    m_status->beginRun(config.epochs);
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
    switch (m_controller->state()) {
        case State::Idle: startRun(); break;
        case State::Running: m_controller->setPaused(true); break;
        case State::Paused: m_controller->setPaused(false); break;
        default: break;
    }
}

void MainWindow::onStateChanged(TrainingController::State state) {
    m_transport->setState(state);
    m_panel->setRunning(state != TrainingController::State::Idle);
    m_status->showState(state);
}

void MainWindow::showError(const QString& message) {
    // Window-modal but not blocking: training signals and tests keep running behind it.
    auto* box = new QMessageBox(QMessageBox::Warning, "Shatter", message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    // Asks nothing: stops the run (the trainer checks between batches) and keeps what it wrote.
    m_controller->shutdown();
    saveSettings();
    event->accept();
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue("window/geometry", saveGeometry());
    settings.setValue("experiment/config", QString::fromStdString(m_panel->config().toJson().dump()));
    settings.setValue("experiment/preset", m_transport->currentPreset());
    settings.setValue("window/view", m_views->currentIndex());
    m_runs->saveState(settings);
    m_compare->saveState(settings);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (settings.contains("window/geometry")) restoreGeometry(settings.value("window/geometry").toByteArray());
    const QString saved = settings.value("experiment/config").toString();
    bool restored = false;
    if (!saved.isEmpty()) {
        try {
            RunConfig config;
            config.mergeJson(nlohmann::json::parse(saved.toStdString()), "saved settings");
            m_panel->setConfig(config);
            m_transport->setCurrentPreset(settings.value("experiment/preset").toString());
            restored = true;
        } catch (const std::exception&) {
            // Settings from another version: fall back to the classroom preset.
        }
    }
    if (!restored) applyPreset("Classroom: random labels");
    m_runs->restoreState(settings);
    m_compare->restoreState(settings);
    m_views->setCurrentIndex(settings.value("window/view", 0).toInt());
}

}  // namespace shatter
