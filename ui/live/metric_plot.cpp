#include "live/metric_plot.h"

#include <qcustomplot.h>

#include <QFontMetrics>
#include <QMouseEvent>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "common/fitting_ticker.h"
#include "figures/figure_export_dialog.h"
#include "figures/figure_renderer.h"

namespace shatter {

MetricPlot::MetricPlot(const QString& title, const QString& yLabel, QWidget* parent)
    : QWidget(parent),
      m_plot(new QCustomPlot(this)),
      m_title(title),
      m_baseFont(PlotTheme::screenBaseFont()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);

    QFont font = this->font();
    m_plot->setFont(font);
    // Title and legend above the chart (side by side or one under the other, see
    // arrangeHeader), so the legend never hides a curve.
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->setRowSpacing(0);
    m_header = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 0, m_header);
    m_header->setRowSpacing(0);
    m_header->setColumnSpacing(12);
    QFont titleFont = font;
    titleFont.setBold(true);
    auto* titleElement = new QCPTextElement(m_plot, title, titleFont);
    titleElement->setObjectName("chartTitle");
    m_header->addElement(0, 0, titleElement);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_header->addElement(0, 1, m_plot->legend);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->xAxis->setLabel("epoch");
    m_plot->yAxis->setLabel(yLabel);
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setLabelFont(font);
        axis->setTickLabelFont(font);
    }
    // Whole epochs only, as many as their labels leave room for.
    FittingTicker::install(m_plot->xAxis, true);
    m_yTicker.reset(new QCPAxisTickerFixed);
    m_yTicker->setScaleStrategy(QCPAxisTickerFixed::ssNone);
    m_plot->yAxis->setTicker(m_yTicker);
    connect(m_plot, &QCustomPlot::afterLayout, this, &MetricPlot::updateTickDensity);
    connect(m_plot, &QCustomPlot::afterLayout, this, &MetricPlot::afterLayout);
    // Also before the next replot whenever the range moves: a diverging run can take the loss
    // from 2 to 1e20 in one epoch, and the old step would then ask for 1e20 tick marks.
    connect(m_plot->yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            &MetricPlot::updateTickDensity);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setBrush(Qt::NoBrush);
    m_plot->legend->setIconSize(36, 12);
    m_plot->legend->setMargins(QMargins(4, 0, 4, 0));  // one text line high: never clipped in small charts
    m_plot->legend->setColumnSpacing(14);
    m_plot->legend->setRowSpacing(0);
    m_plot->legend->setIconTextPadding(8);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->setMinimumHeight(120);
    // Narrower than its title and legend side by side would ask for: the legend then wraps
    // under the title (afterLayout), so that two charts fit beside each other on a projector.
    m_plot->setMinimumWidth(220);

    m_cursor = new QCPItemStraightLine(m_plot);
    m_cursor->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
    m_cursor->setVisible(false);
    m_readout = new QCPItemText(m_plot);
    m_readout->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_readout->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_readout->position->setCoords(0.01, 0.02);
    m_readout->setTextAlignment(Qt::AlignLeft);
    m_readout->setPadding(QMargins(6, 4, 6, 4));
    m_readout->setBrush(QColor(255, 255, 224, 235));
    m_readout->setPen(QPen(QColor(160, 160, 120)));
    m_readout->setFont(font);
    m_readout->setVisible(false);

    m_reset = new QToolButton(m_plot);
    m_reset->setText("Reset view");
    m_reset->setToolTip("Undo zoom and pan (or double-click the chart)");
    m_reset->setAutoRaise(true);
    m_reset->setObjectName("resetView");
    m_reset->setVisible(false);  // placed in the chart's top right corner by afterLayout
    connect(m_reset, &QToolButton::clicked, this, &MetricPlot::resetView);

    FigureExportDialog::addContextMenu(m_plot, this, [this]() { return figureData(); });
    connect(m_plot, &QCustomPlot::mouseMove, this, &MetricPlot::showReadout);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, [this](QMouseEvent*) { resetView(); });
    auto moved = [this]() {
        m_userMoved = true;
        m_reset->setVisible(true);
    };
    connect(m_plot, &QCustomPlot::mouseWheel, this, moved);
    connect(m_plot, &QCustomPlot::mousePress, this, moved);
    fitView();
    applyTheme(PlotTheme::current());
}

void MetricPlot::setFixedYRange(double low, double high) {
    m_fixedY = true;
    m_yLow = low;
    m_yHigh = high;
    fitView();
}

void MetricPlot::setEpochCount(int epochs) {
    m_epochs = std::max(1, epochs);
    if (!m_userMoved) fitView();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::setSeries(std::vector<FigureData::Series> series) {
    m_series = std::move(series);
    while (m_plot->graphCount() > int(m_series.size()))
        m_plot->removeGraph(m_plot->graphCount() - 1);
    while (m_plot->graphCount() < int(m_series.size())) m_plot->addGraph();
    for (std::size_t i = 0; i < m_series.size(); ++i) {
        FigureData::Series& curve = m_series[i];
        QVector<double> x;
        QVector<double> y;
        for (std::size_t p = 0; p < curve.x.size() && p < curve.y.size(); ++p) {
            if (!std::isfinite(curve.y[p])) continue;
            x.push_back(curve.x[p]);
            y.push_back(curve.y[p]);
        }
        curve.x.assign(x.begin(), x.end());
        curve.y.assign(y.begin(), y.end());

        QCPGraph* graph = m_plot->graph(int(i));
        const QColor colour = QColor::fromRgb(QRgb(curve.rgb));
        graph->setName(QString::fromStdString(curve.name));
        graph->setProperty("baseColour", colour);
        QPen pen(m_theme.adapt(colour), m_theme.lineWidth(), PlotTheme::dash(curve.dash));
        pen.setCosmetic(true);
        graph->setPen(pen);
        graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssNone));
        graph->setData(x, y, true);
    }
    arrangeHeader();
    if (!m_userMoved) fitView();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::resetView() {
    m_readout->setVisible(false);
    m_cursor->setVisible(false);
    m_userMoved = false;
    m_reset->setVisible(false);
    fitView();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::fitView() {
    double lastEpoch = 0;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        if (!m_plot->graph(i)->data()->isEmpty()) {
            lastEpoch = std::max(lastEpoch, (m_plot->graph(i)->data()->constEnd() - 1)->key);
        }
    }
    m_plot->xAxis->setRange(0, std::max<double>(m_epochs, lastEpoch) + 0.5);
    if (m_fixedY) {
        m_plot->yAxis->setRange(m_yLow, m_yHigh);
        return;
    }
    FigureRenderer::fitValueAxis(m_plot);
}

void MetricPlot::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    arrangeHeader();
    updateTickDensity();
}

bool MetricPlot::legendBelowTitle() const { return m_header->rowCount() > 1; }

void MetricPlot::arrangeHeader() {
    QCPLegend* legend = m_plot->legend;
    const QMargins outer = m_plot->plotLayout()->margins();
    const int width = std::max(100, m_plot->width() - outer.left() - outer.right() - 8);
    int title = 0;
    if (QCPLayoutElement* text = m_header->element(0, 0)) title = text->minimumOuterSizeHint().width();
    const QList<QCPAbstractLegendItem*> items = FigureRenderer::legendItems(legend);
    int row = legend->margins().left() + legend->margins().right();
    for (int i = 0; i < items.size(); ++i) {
        row += items[i]->minimumOuterSizeHint().width() + (i > 0 ? legend->columnSpacing() : 0);
    }
    const bool beside = title + m_header->columnSpacing() + row <= width;
    if (beside != !legendBelowTitle() || m_header->elementCount() < 2) {
        m_header->take(legend);
        m_header->simplify();
        if (beside) m_header->addElement(0, 1, legend);
        else m_header->addElement(1, 0, legend);
    }
    if (beside) {
        // The title keeps its width, the legend's row takes the rest.
        legend->setWrap(std::max(1, int(items.size())));
        legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);
        m_header->setColumnStretchFactors({0.001, 1.0});
    } else {
        FigureRenderer::fitLegendColumns(legend, width);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::afterLayout() {
    const QRect rect = m_plot->axisRect()->rect();
    m_reset->adjustSize();
    m_reset->move(rect.right() - m_reset->width() - 2, rect.top() + 2);
    // The rotated y axis title is centred on the chart: give the chart at least its length,
    // or it reaches up into the title.
    const int needed = std::max(120, FigureRenderer::heightForAxisTitles(m_plot));
    if (rect.height() > 0 && needed != m_plot->minimumHeight()) m_plot->setMinimumHeight(needed);
}

int MetricPlot::yTickCount() const { return m_yTickCount; }

void MetricPlot::updateTickDensity() {
    // Leave at least a label's height of space between tick labels: the small Loss and Gap
    // charts of a 1280x800 window get two or three ticks instead of six overlapping ones.
    const int line = QFontMetrics(m_plot->yAxis->tickLabelFont()).height();
    int pixels = m_plot->axisRect()->height();
    if (pixels <= 0) pixels = std::max(0, m_plot->height() - 5 * line);
    const int maxTicks = std::clamp(pixels / (2 * std::max(1, line)) + 1, 2, 6);
    const QCPRange range = m_plot->yAxis->range();
    auto ticksWith = [&range](double step) {
        return int(std::floor(range.upper / step + 1e-9) - std::ceil(range.lower / step - 1e-9)) +
               1;
    };
    const double raw = std::max(range.size(), 1e-9) / maxTicks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = 10 * magnitude;
    for (double factor : {1.0, 2.0, 2.5, 5.0, 10.0, 20.0}) {
        if (ticksWith(factor * magnitude) <= maxTicks) {
            step = factor * magnitude;
            break;
        }
    }
    const int count = ticksWith(step);
    if (step == m_yTicker->tickStep() && count == m_yTickCount) return;
    m_yTicker->setTickStep(step);
    m_yTickCount = count;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

FigureData MetricPlot::figureData() const {
    FigureData figure;
    figure.title = m_title.toStdString();
    figure.xLabel = m_plot->xAxis->label().toStdString();
    figure.yLabel = m_plot->yAxis->label().toStdString();
    figure.integerX = true;
    if (m_fixedY) {
        figure.hasYRange = true;
        figure.yLow = m_yLow;
        figure.yHigh = m_yHigh;
    }
    figure.series = m_series;
    figure.caption = m_caption.toStdString();
    return figure;
}

void MetricPlot::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    const QFont font = theme.font(m_baseFont);
    theme.apply(m_plot, font);
    m_readout->setFont(font);
    m_readout->setColor(theme.foreground());
    m_readout->setBrush(theme.readoutBackground());
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph* graph = m_plot->graph(i);
        QPen pen = graph->pen();
        pen.setColor(theme.adapt(graph->property("baseColour").value<QColor>()));
        pen.setWidthF(theme.lineWidth());
        graph->setPen(pen);
    }
    arrangeHeader();
    updateTickDensity();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void MetricPlot::showReadout(QMouseEvent* event) {
    const double x = m_plot->xAxis->pixelToCoord(event->position().x());
    const double epoch = std::round(x);
    QStringList lines;
    for (int i = 0; i < m_plot->graphCount(); ++i) {
        QCPGraph* graph = m_plot->graph(i);
        auto it = graph->data()->findBegin(epoch - 0.5, false);
        if (it == graph->data()->constEnd() || std::abs(it->key - epoch) > 0.01) continue;
        lines << QString("%1: %2%3").arg(graph->name()).arg(it->value, 0, 'f', 2).arg(m_suffix);
    }
    const bool show = !lines.isEmpty() && m_plot->axisRect()->rect().contains(event->pos());
    m_readout->setVisible(show);
    m_cursor->setVisible(show);
    if (show) {
        m_readout->setText(QString("epoch %1\n").arg(epoch) + lines.join('\n'));
        // Keep the readout on the side away from the mouse so it never hides the point.
        const bool left = x > m_plot->xAxis->range().center();
        m_readout->position->setCoords(left ? 0.01 : 0.6, 0.02);
        m_cursor->point1->setCoords(epoch, 0);
        m_cursor->point2->setCoords(epoch, 1);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QRect MetricPlot::plotArea() const { return m_plot->axisRect()->rect(); }

}  // namespace shatter
