#pragma once

#include <QFont>
#include <QWidget>
#include <vector>

#include "common/plot_theme.h"
#include "theory/theory_outcomes.h"

class QCustomPlot;
class QCPAxisRect;
class QCPBarsGroup;

namespace shatter {

// Kernel interpolation runs side by side: grouped bars of training and test accuracy (%) on the
// left, the RKHS norm on the right (its own scale), one colour per run with a legend by labels.
class KernelBarChart : public QWidget {
    Q_OBJECT

public:
    explicit KernelBarChart(QWidget* parent = nullptr);

    void setRuns(const std::vector<KernelOutcome>& runs, const QStringList& names);
    QCustomPlot* plot() const { return m_plot; }
    // Bar heights of one run: train %, test %, norm.
    std::vector<double> barValues(int run) const;
    // Bar series drawn: two per run (accuracies, norm).
    int seriesCount() const;
    void applyTheme(const PlotTheme& theme);

private:
    void rebuild();

    QCustomPlot* m_plot;
    QCPAxisRect* m_accuracyRect;
    QCPAxisRect* m_normRect;
    QCPBarsGroup* m_accuracyGroup;
    QCPBarsGroup* m_normGroup;
    std::vector<KernelOutcome> m_runs;
    QStringList m_names;
    PlotTheme m_theme;
    QFont m_baseFont;
};

}  // namespace shatter
