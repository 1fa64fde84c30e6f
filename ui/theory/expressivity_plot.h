#pragma once

#include <QFont>
#include <QStringList>
#include <QWidget>
#include <memory>

#include "common/plot_theme.h"
#include "theory/expressivity_curve.h"
#include "theory/expressivity_result.h"

class QCustomPlot;
class QCPGraph;

namespace shatter {

// The 2n+d construction drawn: every training point at its projection <a, x_i> and at its
// target for the chosen output (1 for that class, 0 for the others), coloured by its assigned
// label, and the output's piecewise-linear function through them, redrawn for the visible range
// so its kinks at b_j stay exact at any zoom (marked once few enough are in view). The wheel
// zooms along the line (with Shift: vertically), dragging pans, double-click resets.
class ExpressivityPlot : public QWidget {
    Q_OBJECT

public:
    // Kinks are marked when at most this many are in view.
    static constexpr int kMaxMarkedKinks = 150;

    explicit ExpressivityPlot(QWidget* parent = nullptr);

    void setNetwork(std::shared_ptr<const ExpressivityResult> network,
                    const QStringList& classNames);
    void setOutput(int output);
    int output() const { return m_output; }
    // Back to every point, targets in view.
    void resetView();
    void setVisibleRange(double from, double to);
    // On: the vertical axis follows the function in view (its whole swing between points);
    // off: it shows the targets 0 and 1.
    void setFitVertical(bool fit);

    QCustomPlot* plot() const { return m_plot; }
    // The training points drawn (all classes).
    int pointCount() const;
    // The function as drawn now along the visible range, and the kinks marked.
    const ExpressivityCurve& drawnFunction() const { return m_drawn; }
    const std::vector<double>& markedKinks() const { return m_markedKinks; }
    double visibleFrom() const;
    double visibleTo() const;

    void applyTheme(const PlotTheme& theme);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    // As many legend columns as fit the width, so no class name is cut.
    void fitLegend();
    void rebuildPoints();
    void redrawFunction();
    void styleGraphs();

    QCustomPlot* m_plot;
    QCPGraph* m_function = nullptr;
    QCPGraph* m_kinks = nullptr;
    std::vector<QCPGraph*> m_classGraphs;
    std::shared_ptr<const ExpressivityResult> m_network;
    ExpressivityCurve m_drawn;
    std::vector<double> m_markedKinks;
    QStringList m_classNames;
    int m_output = 0;
    bool m_fitVertical = false;
    PlotTheme m_theme;
    QFont m_baseFont;
};

}  // namespace shatter
