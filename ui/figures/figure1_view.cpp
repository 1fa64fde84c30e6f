#include "figures/figure1_view.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "figure/figure_builder.h"
#include "figure/run_collector.h"
#include "figures/figure_plot.h"
#include "shatter_error.h"
#include "live/training_controller.h"

namespace shatter {

Figure1View::Figure1View(QWidget* parent)
    : QWidget(parent),
      m_source(new QLabel("Run a sweep (Sweep…) or load a sweep or run folders.")),
      m_load(new QPushButton("Load sweep or runs…")),
      m_timeUnit(new QComboBox),
      m_loss(new FigurePlot),
      m_time(new FigurePlot),
      m_error(new FigurePlot) {
    m_timeUnit->addItem("(b) in epochs");
    m_timeUnit->addItem("(b) as slowdown");
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_source->setWordWrap(true);  // a long folder name wraps instead of widening the window
    auto* header = new QHBoxLayout;
    header->addWidget(m_load);
    header->addWidget(m_timeUnit);
    header->addWidget(m_source, 1);
    auto* plots = new QHBoxLayout;
    plots->setSpacing(4);
    for (FigurePlot* plot : {m_loss, m_time, m_error}) plots->addWidget(plot, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(header);
    layout->addLayout(plots, 1);

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
    rebuild();
}

bool Figure1View::loadFolders(const QStringList& folders, QString* error) {
    std::vector<std::string> names;
    for (const QString& f : folders) names.push_back(f.toStdString());
    try {
        RunCollector::Result result = RunCollector::collect(names);
        m_folders = folders;
        QString source = QString("%1 runs from %2").arg(result.runs.size()).arg(folders.join(", "));
        if (!result.skipped.empty()) source += QString(" (%1 unreadable, skipped)").arg(result.skipped.size());
        setRuns(std::move(result.runs), source);
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
    m_loss->setFigure(FigureBuilder::trainingLossByMode(m_runs));
    m_time->setFigure(FigureBuilder::timeToFit(m_runs, m_timeUnit->currentIndex() == 1));
    m_error->setFigure(FigureBuilder::testError(m_runs));
}

std::vector<std::pair<QString, FigureData>> Figure1View::figures() const {
    return {{"figure1a-training-loss", FigureBuilder::trainingLossByMode(m_runs)},
            {"figure1b-epochs-to-fit", FigureBuilder::timeToFit(m_runs, false)},
            {"figure1b-slowdown", FigureBuilder::timeToFit(m_runs, true)},
            {"figure1c-test-error", FigureBuilder::testError(m_runs)}};
}

}  // namespace shatter
