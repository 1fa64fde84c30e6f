#include "memorization/memorization_view.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

#include "analysis/early_stopping.h"
#include "analysis/memorization_analysis.h"
#include "analysis/memorization_figures.h"
#include "figures/figure_plot.h"
#include "run/run_reader.h"
#include "shatter_error.h"

namespace shatter {

namespace {

QString epochText(const std::optional<double>& epoch) {
    return epoch ? QString::number(*epoch, 'f', 1) : QString("–");
}

QString groupText(const char* name, const MemorizationReport::Group& group) {
    return QString(
               "%1: %2 of %3 fitted, median fit epoch %4 (q25 %5, q75 %6), %7 forgetting events, "
               "%8 never forgotten, %9 never learned")
        .arg(name)
        .arg(group.fitted)
        .arg(group.examples)
        .arg(epochText(group.fitEpochMedian), epochText(group.fitEpochQ25),
             epochText(group.fitEpochQ75))
        .arg(group.forgettingEvents)
        .arg(group.neverForgotten)
        .arg(group.neverLearned);
}

}  // namespace

MemorizationView::MemorizationView(QWidget* parent)
    : QWidget(parent),
      m_summary(new QLabel),
      m_histogram(new FigurePlot),
      m_curves(new FigurePlot),
      m_forgetting(new FigurePlot),
      m_confusion(new QTableWidget) {
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText("Tick a run in RUNS, or start one, to see when its examples are memorized.");
    m_confusion->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_confusion->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_confusion->verticalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_confusion->setToolTip(
        "Corrupted examples at the last epoch: true class (rows) against predicted class "
        "(columns)");

    auto* confusionBox = new QWidget;
    auto* confusionLayout = new QVBoxLayout(confusionBox);
    confusionLayout->setContentsMargins(0, 0, 0, 0);
    confusionLayout->addWidget(
        new QLabel("Corrupted examples, last epoch: true class (rows) × predicted (columns)"));
    confusionLayout->addWidget(m_confusion, 1);

    auto* grid = new QGridLayout;
    grid->addWidget(m_histogram, 0, 0);
    grid->addWidget(m_curves, 0, 1);
    grid->addWidget(m_forgetting, 1, 0);
    grid->addWidget(confusionBox, 1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(grid, 1);
}

void MemorizationView::applyTheme(const PlotTheme& theme) {
    for (FigurePlot* plot : {m_histogram, m_curves, m_forgetting}) plot->applyTheme(theme);
}

void MemorizationView::showRun(const QString& directory) {
    m_directory = directory;
    m_report = MemorizationReport{};
    if (directory.isEmpty()) {
        showReport("Tick a run in RUNS, or start one, to see when its examples are memorized.");
        return;
    }
    try {
        const RunRecord run = RunReader::load(directory.toStdString());
        if (!run.hasPredictions) {
            showReport(
                QString("%1 has no per-epoch predictions (runs from before predictions.bin).")
                    .arg(directory));
            return;
        }
        m_report = MemorizationAnalysis::forRunFolder(directory.toStdString());
        QString summary =
            QString("<b>%1</b> · %2 epochs<br>%3<br>%4")
                .arg(run.config.name.empty() ? directory.section('/', -1)
                                             : QString::fromStdString(run.config.name))
                .arg(m_report.epochs)
                .arg(groupText("Clean", m_report.clean),
                     groupText("Corrupted", m_report.corrupted));
        if (m_report.peakPredictedTrueEpoch) {
            summary += QString(
                           "<br>Corrupted predicted as their true class: peak %1% at epoch %2, %3% "
                           "at the last epoch")
                           .arg(100.0 * m_report.peakPredictedTrue, 0, 'f', 1)
                           .arg(*m_report.peakPredictedTrueEpoch)
                           .arg(100.0 * m_report.corruptedPredictedTrue.back(), 0, 'f', 1);
        }
        if (const auto stop = EarlyStopping::of(run.epochs)) {
            summary +=
                QString(
                    "<br>Early stopping: best test accuracy %1% at epoch %2 (train %3%); the last "
                    "epoch (%4) has %5%, so stopping early gains %6 points")
                    .arg(100.0 * stop->bestTestAcc, 0, 'f', 2)
                    .arg(stop->bestEpoch)
                    .arg(100.0 * stop->trainAccThen, 0, 'f', 2)
                    .arg(stop->lastEpoch)
                    .arg(100.0 * stop->lastTestAcc, 0, 'f', 2)
                    .arg(100.0 * stop->gain(), 0, 'f', 2);
        }
        showReport(summary);
        fillConfusion(run.info.classNames);
    } catch (const ShatterError& error) {
        showReport(QString("Cannot read %1: %2").arg(directory, error.what()));
    }
}

void MemorizationView::showReport(const QString& summary) {
    m_summary->setText(summary);
    m_histogram->setFigure(MemorizationFigures::fitEpochHistogram(m_report));
    m_curves->setFigure(MemorizationFigures::corruptedCurves(m_report));
    m_forgetting->setFigure(MemorizationFigures::forgettingDistribution(m_report));
    if (m_report.epochs == 0) fillConfusion({});
}

void MemorizationView::fillConfusion(const std::vector<std::string>& classNames) {
    const int classes = m_report.classCount;
    m_confusion->clear();
    m_confusion->setRowCount(classes);
    m_confusion->setColumnCount(classes);
    QStringList names;
    for (int c = 0; c < classes; ++c) {
        names << (c < int(classNames.size()) ? QString::fromStdString(classNames[std::size_t(c)])
                                             : QString::number(c));
    }
    m_confusion->setHorizontalHeaderLabels(names);
    m_confusion->setVerticalHeaderLabels(names);
    int highest = 1;
    for (const auto& row : m_report.corruptedConfusion) {
        for (int count : row) highest = std::max(highest, count);
    }
    for (int t = 0; t < classes; ++t) {
        for (int p = 0; p < classes; ++p) {
            const int count = m_report.corruptedConfusion[std::size_t(t)][std::size_t(p)];
            auto* item = new QTableWidgetItem(QString::number(count));
            item->setTextAlignment(Qt::AlignCenter);
            const int shade = 255 - (160 * count) / highest;
            item->setBackground(t == p ? QColor(shade, 255, shade) : QColor(255, shade, shade));
            item->setForeground(Qt::black);
            m_confusion->setItem(t, p, item);
        }
    }
}

}  // namespace shatter
