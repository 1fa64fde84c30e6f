#pragma once

#include <QColor>
#include <QSharedPointer>
#include <QString>
#include <QWidget>

#include "figure/figure_data.h"
#include "common/plot_theme.h"

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

    // Returns the series index.
    int addSeries(const QString& name, const QColor& colour, Qt::PenStyle style);
    void setFixedYRange(double low, double high);
    void setValueSuffix(const QString& suffix) { m_suffix = suffix; }
    void setEpochCount(int epochs);

    // Appends a point; NaN values are skipped. Replots on the next event loop turn.
    void addPoint(int series, double epoch, double value);
    void clear();
    void resetView();

    int seriesCount() const;
    int pointCount(int series) const;
    QString seriesName(int series) const;
    QCustomPlot* plot() const { return m_plot; }
    QString title() const { return m_title; }

    // The curves as they stand, for export in the one figure style.
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
