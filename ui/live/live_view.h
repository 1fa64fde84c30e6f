#pragma once

#include <QWidget>
#include <utility>
#include <vector>

#include "common/plot_theme.h"
#include "figure/figure_data.h"
#include "train/run_summary.h"

class QLabel;

namespace shatter {

class LiveRun;
class MetricPlot;
struct MetricColumn;

// The live curves of the run a LiveRun follows: accuracy (train, train-clean, train-corrupted,
// test), loss (train, test) and the generalization gap, one point per epoch, with the latest
// numbers in large type. The charts draw the LiveRun's epochs, redrawn once per event loop turn
// however many epochs arrived.
class LiveView : public QWidget {
    Q_OBJECT

public:
    explicit LiveView(const LiveRun* run, QWidget* parent = nullptr);

    void applyTheme(const PlotTheme& theme);
    // The three live charts as figures of the run's epochs, with file stems for the figure set;
    // each with the caption naming the run and its key settings.
    std::vector<std::pair<QString, FigureData>> figures() const;

private:
    // One curve: a metric of the catalog, drawn in a fixed colour and dash.
    struct Curve {
        const MetricColumn* metric;
        const char* name;
        QColor colour;
        int dash;
    };
    struct Chart {
        QString stem;
        MetricPlot* plot;
        std::vector<Curve> curves;
    };

    void begin(int epochs);
    // Reads the run folder's name and settings into the charts' export caption.
    void describeRun(const QString& directory);
    // A run that ended before its first epoch says so in place of "waiting for the first epoch".
    void showEnd(const RunSummary& summary);
    void showFailure(const QString& message);
    void scheduleRedraw();
    void redraw();
    std::vector<FigureData::Series> curvesOf(const Chart& chart) const;
    void showScore();

    const LiveRun* m_run;
    QLabel* m_score;
    std::vector<Chart> m_charts;
    bool m_redrawPending = false;
};

}  // namespace shatter
