#pragma once

#include <qcustomplot.h>

namespace shatter {

// A graph whose markers can be thinned out: on a long curve only every `step`-th point gets
// one, starting at `phase`, so that the markers of curves lying on top of each other fall at
// different points and each stays visible. The legend icon shows the marker as usual.
class MarkedGraph : public QCPGraph {
    Q_OBJECT

public:
    MarkedGraph(QCPAxis* keyAxis, QCPAxis* valueAxis);

    void setMarkerSpacing(int step, int phase);
    int markerStep() const { return m_step; }
    int markerPhase() const { return m_phase; }

protected:
    void drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                         const QCPScatterStyle& style) const override;

private:
    int m_step = 1;
    int m_phase = 0;
};

}  // namespace shatter
