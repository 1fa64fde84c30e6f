#include "figures/figure1_view.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedLayout>
#include <QVBoxLayout>

#include "figure/figure_builder.h"
#include "figure/figure_caption.h"
#include "figures/animation_export_dialog.h"
#include "figures/figure_export_dialog.h"
#include "figure/run_collector.h"
#include "figures/figure_plot.h"
#include "shatter_error.h"
#include "live/training_controller.h"

namespace shatter {

Figure1View::Figure1View(QWidget* parent)
    : QWidget(parent),
      m_source(new QLabel),
      m_load(new QPushButton("Load sweep or runs…")),
      m_timeUnit(new QComboBox),
      m_exportPanels(new QPushButton("Export Figure 1 (three panels)…")),
      m_pages(new QStackedLayout),
      m_empty(new QLabel("No runs yet.\nRun a sweep (Sweep…) or load a sweep or run folders to draw the paper's "
                         "Figure 1: (a) training loss, (b) time to fit, (c) test error.")),
      m_loss(new FigurePlot),
      m_time(new FigurePlot),
      m_error(new FigurePlot) {
    m_timeUnit->addItem("(b) in epochs");
    m_timeUnit->addItem("(b) as slowdown");
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);  // a long folder name wraps instead of widening the window
    // The buttons on one line, what is drawn on the next: beside the buttons, at 1024 px, the
    // source had room for a word per line.
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_load);
    buttons->addWidget(m_timeUnit);
    buttons->addWidget(m_exportPanels);
    buttons->addStretch(1);
    auto* header = new QVBoxLayout;
    header->addLayout(buttons);
    header->addWidget(m_source);
    m_exportPanels->setToolTip("One PNG, SVG or PDF with panels (a), (b) and (c) side by side and one legend, "
                               "sized for a 16:9 slide");
    auto* panelsPage = new QWidget;
    auto* plots = new QHBoxLayout(panelsPage);
    plots->setContentsMargins(0, 0, 0, 0);
    plots->setSpacing(4);
    auto* exportAction = new QAction("Export Figure 1 (three panels)…", this);
    auto* animateAction = new QAction("Export Figure 1 animation (three panels)…", this);
    animateAction->setObjectName("animateFigure1");
    for (FigurePlot* plot : {m_loss, m_time, m_error}) {
        plots->addWidget(plot, 1);
        plot->addContextAction(exportAction);
        plot->addContextAction(animateAction);
    }
    // One message in the middle while there is nothing to draw, not one per panel.
    m_empty->setObjectName("figure1Empty");
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_empty->setMargin(24);
    QFont larger = m_empty->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.2);
    m_empty->setFont(larger);
    m_pages->addWidget(m_empty);
    m_pages->addWidget(panelsPage);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addLayout(m_pages, 1);

    connect(exportAction, &QAction::triggered, this, &Figure1View::openPanelsExport);
    connect(animateAction, &QAction::triggered, this, &Figure1View::openPanelsAnimation);
    connect(m_exportPanels, &QPushButton::clicked, this, &Figure1View::openPanelsExport);

    connect(m_timeUnit, &QComboBox::currentIndexChanged, this, [this]() { rebuild(); });
    connect(m_load, &QPushButton::clicked, this, [this]() {
        const QString folder = QFileDialog::getExistingDirectory(this, "Load a sweep, a run or a folder of runs",
                                                                 TrainingController::runsRoot());
        if (folder.isEmpty()) return;
        QString error;
        if (!loadFolders({folder}, &error)) QMessageBox::warning(this, "Shatter", error);
    });
    rebuild();
}

void Figure1View::setRuns(std::vector<RunRecord> runs, const QString& source) {
    m_runs = std::move(runs);
    m_source->setText(source);
    m_source->setToolTip(QString());
    rebuild();
}

bool Figure1View::loadFolders(const QStringList& folders, QString* error) {
    std::vector<std::string> names;
    for (const QString& f : folders) names.push_back(f.toStdString());
    try {
        RunCollector::Result result = RunCollector::collect(names);
        m_folders = folders;
        // Folder names only, so that the line stays short beside the buttons; the paths are in
        // the tooltip.
        QStringList shortNames;
        for (const QString& f : folders) shortNames << QDir(f).dirName();
        QString source = folders.size() <= 2
                             ? QString("%1 runs from %2").arg(result.runs.size()).arg(shortNames.join(", "))
                             : QString("%1 runs from %2 folders").arg(result.runs.size()).arg(folders.size());
        if (!result.skipped.empty()) source += QString(" (%1 unreadable, skipped)").arg(result.skipped.size());
        setRuns(std::move(result.runs), source);
        m_source->setToolTip(folders.join("\n"));
        return true;
    } catch (const ShatterError& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

void Figure1View::reload() {
    if (!m_folders.isEmpty()) loadFolders(m_folders);
}

void Figure1View::setSlowdown(bool slowdown) { m_timeUnit->setCurrentIndex(slowdown ? 1 : 0); }

void Figure1View::applyTheme(const PlotTheme& theme) {
    for (FigurePlot* plot : {m_loss, m_time, m_error}) plot->applyTheme(theme);
}

void Figure1View::rebuild() {
    const std::vector<FigureData> shown = panels();
    m_loss->setFigure(shown[0]);
    m_time->setFigure(shown[1]);
    m_error->setFigure(shown[2]);
    m_pages->setCurrentIndex(m_runs.empty() ? 0 : 1);
    m_exportPanels->setEnabled(!m_runs.empty());
}

QWidget* Figure1View::currentPage() const { return m_pages->currentWidget(); }

std::string Figure1View::caption() const {
    // Named after the folder the runs share (a sweep's), when they share one.
    QString shared;
    for (const RunRecord& run : m_runs) {
        const QString parent = QFileInfo(QString::fromStdString(run.directory)).absolutePath();
        if (shared.isEmpty()) shared = parent;
        if (parent != shared) {
            shared.clear();
            break;
        }
    }
    const std::string name = shared.isEmpty() || shared == QDir(TrainingController::runsRoot()).absolutePath()
                                 ? std::string()
                                 : QFileInfo(shared).fileName().toStdString();
    return FigureCaption::forRuns(name, m_runs);
}

std::vector<FigureData> Figure1View::panels() const {
    std::vector<FigureData> shown = FigureBuilder::figure1(m_runs, m_timeUnit->currentIndex() == 1);
    const std::string text = caption();
    for (FigureData& panel : shown) panel.caption = text;
    return shown;
}

std::vector<std::pair<QString, FigureData>> Figure1View::figures() const {
    std::vector<std::pair<QString, FigureData>> named = {
        {"figure1a-training-loss", FigureBuilder::trainingLossByMode(m_runs)},
        {"figure1b-epochs-to-fit", FigureBuilder::timeToFit(m_runs, false)},
        {"figure1b-slowdown", FigureBuilder::timeToFit(m_runs, true)},
        {"figure1c-test-error", FigureBuilder::testError(m_runs)}};
    const std::string text = caption();
    for (auto& figure : named) figure.second.caption = text;
    return named;
}

void Figure1View::openPanelsAnimation() {
    auto* dialog = new AnimationExportDialog(panels(), "Figure 1 (three panels)", this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName("figure1PanelsAnimation");
    dialog->open();
}

void Figure1View::openPanelsExport() {
    auto* dialog = new FigureExportDialog(panels(), "Figure 1 (three panels)", this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName("figure1PanelsExport");
    dialog->open();
}

}  // namespace shatter
