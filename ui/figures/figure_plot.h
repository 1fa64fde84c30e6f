#pragma once

#include <QWidget>

#include "figure/figure_data.h"
#include "common/plot_theme.h"

class QAction;
class QCustomPlot;

namespace shatter {

// Shows one FigureData drawn exactly as it will be exported; right-click exports it.
class FigurePlot : public QWidget {
    Q_OBJECT

public:
    explicit FigurePlot(QWidget* parent = nullptr);

    void setFigure(const FigureData& figure);
    const FigureData& figure() const { return m_figure; }
    void applyTheme(const PlotTheme& theme);
    QCustomPlot* plot() const { return m_plot; }
    // Adds an action to the chart's context menu, after its export actions.
    void addContextAction(QAction* action) { m_actions << action; }

protected:
    // The chart's own resizes (also those held back while its tab was hidden) redraw it: titles,
    // notes and the legend's columns follow its width.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void redraw();

    QCustomPlot* m_plot;
    FigureData m_figure;
    PlotTheme m_theme;
    QList<QAction*> m_actions;
};

}  // namespace shatter
