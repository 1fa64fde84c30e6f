#pragma once

#include <qcustomplot.h>

namespace shatter {

// A graph whose markers can be thinned out: on a long curve only every `step`-th point gets
// one, starting at `phase`, so that the markers of curves lying on top of each other fall at
// different points and each stays visible. The legend icon shows the marker as usual. A curve
// cut short between two data points (an animation frame) leaves its interpolated end unmarked.
class MarkedGraph : public QCPGraph {
    Q_OBJECT

public:
    MarkedGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setMarkerSpacing(int step, int phase);
    int markerStep() const { return m_step; }
    int markerPhase() const { return m_phase; }
    // No marker on the last data point (it is no measurement, only where the line stops).
    void setLastUnmarked(bool unmarked) { m_lastUnmarked = unmarked; }

protected:
    void drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                         const QCPScatterStyle& style) const override;

private:
    int m_step = 1;
    int m_phase = 0;
    bool m_lastUnmarked = false;
};

}  // namespace shatter
