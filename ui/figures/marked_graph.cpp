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
    if (m_step <= 1) {
        QCPGraph::drawScatterPlot(painter, scatters, style);
        return;
    }
    QVector<QPointF> kept;
    for (int i = m_phase; i < scatters.size(); i += m_step) kept.push_back(scatters[i]);
    QCPGraph::drawScatterPlot(painter, kept, style);
}

}  // namespace shatter
