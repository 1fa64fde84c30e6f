#pragma once

#include <QColor>
#include <QSharedPointer>
#include <QString>
#include <QWidget>
#include <vector>

#include "common/plot_theme.h"
#include "figure/figure_data.h"

class QCustomPlot;
class QCPAxisTickerFixed;
class QCPLayoutGrid;
class QCPGraph;
class QCPItemText;
class QCPItemStraightLine;
class QMouseEvent;
class QToolButton;

namespace shatter {

// One per-epoch chart: a few named series, each told apart by colour and line style, with a
// legend, a hover readout of every series at the epoch under the mouse, wheel zoom, drag pan and
// a "reset view" button (or double-click). The y axis is fixed when a range is given, else fitted.
// The legend sits beside the title when both fit on one line, else under it in as many columns
// as fit, never cut; x tick labels are spaced for their width; the chart asks for the height
// its axis titles need, so the title never runs into them.
class MetricPlot : public QWidget {
    Q_OBJECT

public:
    explicit MetricPlot(const QString& title, const QString& yLabel, QWidget* parent = nullptr);

    void setFixedYRange(double low, double high);
    void setValueSuffix(const QString& suffix) { m_suffix = suffix; }
    void setEpochCount(int epochs);

    // Shows these curves (name, fixed colour `rgb`, dash, points), replacing the ones shown;
    // points with a non-finite value are left out. Keeps the user's zoom; replots on the next event
    // loop turn.
    void setSeries(std::vector<FigureData::Series> series);
    // Back to the whole run: undoes zoom and pan, hides the readout.
    void resetView();

    QCustomPlot* plot() const { return m_plot; }
    // Where the curves are drawn, in the plot widget's pixels (without titles, ticks and legend).
    QRect plotArea() const;
    QString title() const { return m_title; }
    QToolButton* resetButton() const { return m_reset; }
    // Whether the legend has a row of its own under the title (too little width beside it).
    bool legendBelowTitle() const;
    // The line under the exported chart: the run and its key settings (FigureCaption).
    void setCaption(const QString& caption) { m_caption = caption; }
    QString caption() const { return m_caption; }

    // The chart as given: title, axes and the curves of the last setSeries, for export.
    FigureData figureData() const;
    void applyTheme(const PlotTheme& theme);
    // The y axis tick count chosen for the current height (small charts get fewer ticks).
    int yTickCount() const;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void showReadout(QMouseEvent* event);
    void fitView();
    void updateTickDensity();
    // Title and legend on one row or two, as the width allows; the legend's columns.
    void arrangeHeader();
    // After each layout: the reset button's place and the height the axis titles need.
    void afterLayout();

    QCustomPlot* m_plot = nullptr;
    QToolButton* m_reset = nullptr;
    QCPItemText* m_readout = nullptr;
    QCPItemStraightLine* m_cursor = nullptr;
    QCPLayoutGrid* m_header = nullptr;
    QString m_caption;
    std::vector<FigureData::Series> m_series;
    QString m_suffix;
    QString m_title;
    QSharedPointer<QCPAxisTickerFixed> m_yTicker;
    int m_yTickCount = 0;
    QFont m_baseFont;
    PlotTheme m_theme;
    bool m_fixedY = false;
    double m_yLow = 0.0;
    double m_yHigh = 1.0;
    int m_epochs = 1;
    bool m_userMoved = false;
};

}  // namespace shatter
