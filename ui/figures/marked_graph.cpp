#include "figures/marked_graph.h"

#include <algorithm>

namespace shatter {

MarkedGraph::MarkedGraph(QCPAxis* keyAxis, QCPAxis* valueAxis) : QCPGraph(keyAxis, valueAxis) {}

void MarkedGraph::setMarkerSpacing(int step, int phase) {
    m_step = std::max(1, step);
    m_phase = ((phase % m_step) + m_step) % m_step;
}

void MarkedGraph::drawScatterPlot(QCPPainter* painter, const QVector<QPointF>& scatters,
                                  const QCPScatterStyle& style) const {
    // The scatters are the points in view; the last data point is the last of them when in view.
    int count = int(scatters.size());
    if (m_lastUnmarked && count > 0 && !mDataContainer->isEmpty()) {
        const QCPGraphData& last = *(mDataContainer->constEnd() - 1);
        if (keyAxis()->range().contains(last.key) && valueAxis()->range().contains(last.value)) --count;
    }
    if (m_step <= 1 && count == scatters.size()) {
        QCPGraph::drawScatterPlot(painter, scatters, style);
        return;
    }
    QVector<QPointF> kept;
    for (int i = m_phase; i < count; i += m_step) kept.push_back(scatters[i]);
    QCPGraph::drawScatterPlot(painter, kept, style);
}

}  // namespace shatter
