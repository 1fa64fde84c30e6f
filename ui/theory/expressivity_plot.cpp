#include "theory/expressivity_plot.h"

#include <qcustomplot.h>

#include <QVBoxLayout>
#include <algorithm>

#include "theory/expressivity_curve.h"

namespace shatter {

namespace {

constexpr double kTargetLow = -0.6;
constexpr double kTargetHigh = 1.6;

// Ten classes on an eight-colour palette: the last two repeat a colour with another marker.
QCPScatterStyle::ScatterShape shapeFor(int label) {
    return label < 8 ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssTriangle;
}

}  // namespace

ExpressivityPlot::ExpressivityPlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot), m_baseFont(font()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setObjectName("expressivityPlot");
    m_plot->setMinimumHeight(220);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    m_plot->xAxis->setLabel("projection a·x of each training image onto the random direction a");
    m_plot->yAxis->setLabel("network output");
    m_plot->setNoAntialiasingOnDrag(true);

    // The legend: one entry per class (and the function), in rows under the chart.
    auto* legendRow = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(1, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legendRow->setMargins(QMargins(5, 0, 5, 5));
    m_plot->legend->setVisible(true);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(6);
    legendRow->addElement(0, 0, m_plot->legend);

    m_function = m_plot->addGraph();
    m_function->setName("network output");
    m_kinks = m_plot->addGraph();
    m_kinks->setName("kinks b_j");
    m_kinks->setLineStyle(QCPGraph::lsNone);
    m_kinks->removeFromLegend();

    // Keep the function exact for whatever is in view.
    connect(m_plot->xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange&) { redrawFunction(); });
    connect(m_plot, &QCustomPlot::mouseWheel, this, [this](QWheelEvent* event) {
        m_plot->axisRect()->setRangeZoom(event->modifiers() & Qt::ShiftModifier ? Qt::Vertical
                                                                                : Qt::Horizontal);
    });
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
    applyTheme(m_theme);
}

void ExpressivityPlot::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitLegend();
}

void ExpressivityPlot::fitLegend() {
    const double columnWidth = 150.0 * m_theme.fontScale();
    const int columns = std::clamp(int(width() / columnWidth), 2, 6);
    if (columns == m_plot->legend->wrap()) return;
    m_plot->legend->setWrap(columns);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExpressivityPlot::setNetwork(std::shared_ptr<const ExpressivityResult> network,
                                  const QStringList& classNames) {
    m_network = std::move(network);
    m_classNames = classNames;
    if (m_network && (m_output < 0 || m_output >= m_network->classes)) m_output = 0;
    rebuildPoints();
    fitLegend();
    resetView();
}

void ExpressivityPlot::setOutput(int output) {
    if (output == m_output) return;
    m_output = output;
    rebuildPoints();
    redrawFunction();
}

int ExpressivityPlot::pointCount() const {
    int count = 0;
    for (const QCPGraph* graph : m_classGraphs) count += graph->dataCount();
    return count;
}

void ExpressivityPlot::rebuildPoints() {
    for (QCPGraph* graph : m_classGraphs) m_plot->removeGraph(graph);
    m_classGraphs.clear();
    if (!m_network) {
        m_plot->replot();
        return;
    }
    const ExpressivityResult& net = *m_network;
    for (int label = 0; label < net.classes; ++label) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setLineStyle(QCPGraph::lsNone);
        graph->setName(label < m_classNames.size() ? m_classNames[label] : QString::number(label));
        m_classGraphs.push_back(graph);
    }
    const std::vector<double>& values = net.valuesAtPoints[std::size_t(m_output)];
    std::vector<QVector<double>> keys(std::size_t(net.classes)), targets(std::size_t(net.classes));
    for (std::size_t i = 0; i < net.projections.size(); ++i) {
        const std::size_t label = std::size_t(net.labels[i]);
        keys[label].push_back(net.projections[i]);
        targets[label].push_back(values[i]);
    }
    for (std::size_t label = 0; label < keys.size(); ++label)
        m_classGraphs[label]->setData(keys[label], targets[label], /*alreadySorted=*/true);
    styleGraphs();
}

void ExpressivityPlot::setFitVertical(bool fit) {
    m_fitVertical = fit;
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);
    if (!fit) m_plot->yAxis->setRange(kTargetLow, kTargetHigh);
    redrawFunction();
}

void ExpressivityPlot::resetView() {
    m_plot->yAxis->setRange(kTargetLow, kTargetHigh);
    if (m_network && !m_network->projections.empty()) {
        const double low = m_network->projections.front();
        const double high = m_network->projections.back();
        const double margin = std::max(1e-9, (high - low) * 0.03);
        setVisibleRange(low - margin, high + margin);
    } else {
        setVisibleRange(0.0, 1.0);
    }
}

void ExpressivityPlot::setVisibleRange(double from, double to) {
    m_plot->xAxis->setRange(from, to);
    redrawFunction();
}

double ExpressivityPlot::visibleFrom() const { return m_plot->xAxis->range().lower; }

double ExpressivityPlot::visibleTo() const { return m_plot->xAxis->range().upper; }

void ExpressivityPlot::redrawFunction() {
    m_drawn = {};
    m_markedKinks.clear();
    if (!m_network) {
        m_function->data()->clear();
        m_kinks->data()->clear();
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        return;
    }
    const QCPRange range = m_plot->xAxis->range();
    m_drawn = ExpressivityCurve::sample(*m_network, m_output, range.lower, range.upper);
    m_function->setData(QVector<double>(m_drawn.t.begin(), m_drawn.t.end()),
                        QVector<double>(m_drawn.value.begin(), m_drawn.value.end()), true);
    QVector<double> kinkT, kinkValue;
    if (ExpressivityCurve::kinksWithin(*m_network, range.lower, range.upper) <= kMaxMarkedKinks) {
        for (double b : m_network->biases) {
            if (b < range.lower || b > range.upper) continue;
            kinkT << b;
            m_markedKinks.push_back(b);
            kinkValue << m_network->valueAt(b, m_output);
        }
    }
    m_kinks->setData(kinkT, kinkValue, true);
    if (m_fitVertical && !m_drawn.value.empty()) {
        const auto [low, high] = std::minmax_element(m_drawn.value.begin(), m_drawn.value.end());
        const double bottom = std::min(*low, kTargetLow);
        const double top = std::max(*high, kTargetHigh);
        const double margin = (top - bottom) * 0.05;
        m_plot->yAxis->setRange(bottom - margin, top + margin);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExpressivityPlot::styleGraphs() {
    const double pointSize = m_theme.presentation ? 8.0 : 6.0;
    for (std::size_t label = 0; label < m_classGraphs.size(); ++label) {
        const QColor colour = m_theme.paletteColour(int(label));
        m_classGraphs[label]->setScatterStyle(
            QCPScatterStyle(shapeFor(int(label)), colour, colour, pointSize));
    }
    // Light enough that the points stay visible where the function swings densely.
    QColor line = m_theme.foreground();
    line.setAlpha(150);
    m_function->setPen(QPen(line, m_theme.presentation ? 2.0 : 1.0));
    m_kinks->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDiamond, m_theme.foreground(),
                                             m_theme.background(), pointSize));
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void ExpressivityPlot::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    theme.apply(m_plot, theme.font(m_baseFont));
    styleGraphs();
    fitLegend();
}

}  // namespace shatter
