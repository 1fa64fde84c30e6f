#pragma once

#include <QWidget>

#include <utility>
#include <vector>

#include "figure/figure_data.h"
#include "common/plot_theme.h"
#include "train/epoch_metrics.h"

class QLabel;

namespace shatter {

class MetricPlot;

// The live curves of one run: accuracy (train, train-clean, train-corrupted, test), loss
// (train, test) and the generalization gap, one point per epoch.
class LiveView : public QWidget {
    Q_OBJECT

public:
    enum AccuracySeries { TrainAcc, CleanAcc, CorruptedAcc, TestAcc };
    enum LossSeries { TrainLoss, TestLoss };

    explicit LiveView(QWidget* parent = nullptr);

    void beginRun(int epochs);
    void addEpoch(const EpochMetrics& metrics);

    MetricPlot* accuracyPlot() const { return m_accuracy; }
    MetricPlot* lossPlot() const { return m_loss; }
    MetricPlot* gapPlot() const { return m_gap; }
    // The latest numbers in large type: what a room reads from the back row.
    QString scoreText() const;
    void applyTheme(const PlotTheme& theme);
    // The three live charts as figures, with file stems for the figure set.
    std::vector<std::pair<QString, FigureData>> figures() const;

private:
    QLabel* m_score;
    int m_epochs = 0;
    MetricPlot* m_accuracy;
    MetricPlot* m_loss;
    MetricPlot* m_gap;
};

}  // namespace shatter
