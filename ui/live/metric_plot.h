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
class QCPGraph;
class QCPItemText;
class QCPItemStraightLine;
class QMouseEvent;
class QToolButton;

namespace shatter {

// One per-epoch chart: a few named series, each told apart by colour and line style, with a
// legend, a hover readout of every series at the epoch under the mouse, wheel zoom, drag pan and
// a "reset view" button (or double-click). The y axis is fixed when a range is given, else fitted.
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

    QCustomPlot* m_plot = nullptr;
    QToolButton* m_reset = nullptr;
    QCPItemText* m_readout = nullptr;
    QCPItemStraightLine* m_cursor = nullptr;
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
