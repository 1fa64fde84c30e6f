#include "figures/figure_plot.h"

#include <QEvent>
#include <QVBoxLayout>
#include <algorithm>
#include <qcustomplot.h>

#include "figures/figure_export_dialog.h"
#include "figures/figure_renderer.h"

namespace shatter {

FigurePlot::FigurePlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_theme(PlotTheme::current()) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setMinimumSize(170, 160);
    m_plot->installEventFilter(this);
    // As tall as the y axis title needs, so that it never runs into the title.
    connect(m_plot, &QCustomPlot::afterLayout, this, [this]() {
        const int needed = std::max(160, FigureRenderer::heightForAxisTitles(m_plot));
        if (needed != m_plot->minimumHeight()) m_plot->setMinimumHeight(needed);
    });
    FigureExportDialog::addContextMenu(
        m_plot, this, [this]() { return m_figure; }, [this]() { return m_actions; });
    redraw();
}

void FigurePlot::setFigure(const FigureData& figure) {
    m_figure = figure;
    redraw();
}

void FigurePlot::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    redraw();
}

bool FigurePlot::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_plot && event->type() == QEvent::Resize) redraw();
    return QWidget::eventFilter(watched, event);
}

void FigurePlot::redraw() {
    const QFont font = m_theme.font(PlotTheme::screenBaseFont());
    FigureRenderer::draw(m_plot, m_figure, m_theme, font);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

}  // namespace shatter
