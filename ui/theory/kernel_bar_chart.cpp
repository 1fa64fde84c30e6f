#include "theory/kernel_bar_chart.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace shatter {

namespace {

double finiteOr0(double value) { return std::isfinite(value) ? value : 0.0; }

QCPBars* barsAt(QCPAxisRect* rect, const QString& name) {
    auto* bars = new QCPBars(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    bars->setName(name);
    return bars;
}

}  // namespace

KernelBarChart::KernelBarChart(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot), m_baseFont(font()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("kernelBarChart");
    m_plot->setMinimumHeight(200);
    m_plot->plotLayout()->clear();
    m_accuracyRect = new QCPAxisRect(m_plot);
    m_normRect = new QCPAxisRect(m_plot);
    m_plot->plotLayout()->addElement(0, 0, m_accuracyRect);
    m_plot->plotLayout()->addElement(0, 1, m_normRect);
    m_plot->plotLayout()->setColumnStretchFactor(0, 2);
    m_plot->plotLayout()->setColumnStretchFactor(1, 1);

    m_accuracyRect->axis(QCPAxis::atLeft)->setLabel("accuracy (%)");
    m_accuracyRect->axis(QCPAxis::atLeft)->setRange(0, 105);
    m_normRect->axis(QCPAxis::atLeft)->setLabel("RKHS norm √(αᵀKα)");
    for (QCPAxisRect* rect : {m_accuracyRect, m_normRect}) {
        rect->axis(QCPAxis::atBottom)->grid()->setVisible(false);
        rect->setupFullAxesBox(false);
        rect->axis(QCPAxis::atTop)->setVisible(false);
        rect->axis(QCPAxis::atRight)->setVisible(false);
    }
    auto accuracyTicks = QSharedPointer<QCPAxisTickerText>::create();
    accuracyTicks->addTick(1, "train");
    accuracyTicks->addTick(2, "test");
    m_accuracyRect->axis(QCPAxis::atBottom)->setTicker(accuracyTicks);
    m_accuracyRect->axis(QCPAxis::atBottom)->setRange(0.4, 2.6);
    auto normTicks = QSharedPointer<QCPAxisTickerText>::create();
    normTicks->addTick(1, "norm");
    m_normRect->axis(QCPAxis::atBottom)->setTicker(normTicks);
    m_normRect->axis(QCPAxis::atBottom)->setRange(0.4, 1.6);

    // The legend under both charts.
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    m_plot->legend = new QCPLegend;
    legendRow->addElement(0, 0, m_plot->legend);
    m_plot->legend->setLayer("legend");
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(3);
    m_plot->legend->setVisible(true);
    m_accuracyGroup = new QCPBarsGroup(m_plot);
    m_normGroup = new QCPBarsGroup(m_plot);
    applyTheme(m_theme);
}

void KernelBarChart::setRuns(const std::vector<KernelOutcome>& runs, const QStringList& names) {
    m_runs = runs;
    m_names = names;
    rebuild();
}

std::vector<double> KernelBarChart::barValues(int run) const {
    const KernelResult& r = m_runs.at(std::size_t(run)).result;
    return {100.0 * finiteOr0(r.trainAcc), 100.0 * finiteOr0(r.testAcc), finiteOr0(r.rkhsNorm)};
}

int KernelBarChart::seriesCount() const { return m_plot->plottableCount(); }

void KernelBarChart::rebuild() {
    m_plot->clearPlottables();
    const int count = int(m_runs.size());
    if (count > 0) {
        const double width = std::min(0.7 / count, 0.3);
        double largestNorm = 0.0;
        for (int i = 0; i < count; ++i) {
            const QColor colour = m_theme.paletteColour(i);
            const std::vector<double> values = barValues(i);
            QCPBars* accuracy = barsAt(m_accuracyRect, m_names.value(i));
            accuracy->setData({1.0, 2.0}, {values[0], values[1]}, true);
            QCPBars* norm = barsAt(m_normRect, m_names.value(i));
            norm->setData({1.0}, {values[2]}, true);
            norm->removeFromLegend();
            for (QCPBars* bars : {accuracy, norm}) {
                bars->setWidth(width);
                bars->setPen(QPen(colour.darker(130)));
                bars->setBrush(colour);
            }
            m_accuracyGroup->append(accuracy);
            m_normGroup->append(norm);
            largestNorm = std::max(largestNorm, values[2]);
        }
        m_normRect->axis(QCPAxis::atLeft)->setRange(0, largestNorm > 0 ? largestNorm * 1.1 : 1.0);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void KernelBarChart::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    const QFont font = theme.font(m_baseFont);
    theme.apply(m_plot, font);
    for (QCPAxisRect* rect : {m_accuracyRect, m_normRect}) {
        rect->setBackground(theme.background());
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(theme.foreground()));
            axis->setTickPen(QPen(theme.foreground()));
            axis->setSubTickPen(QPen(theme.foreground()));
            axis->setLabelColor(theme.foreground());
            axis->setTickLabelColor(theme.foreground());
            axis->setLabelFont(font);
            axis->setTickLabelFont(font);
            axis->grid()->setPen(QPen(theme.grid(), 1, Qt::DotLine));
        }
    }
    rebuild();
}

}  // namespace shatter
