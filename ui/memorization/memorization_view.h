#pragma once

#include <QString>
#include <QWidget>

#include "analysis/memorization_report.h"
#include "common/plot_theme.h"

class QLabel;
class QTableWidget;

namespace shatter {

class FigurePlot;

// The Memorization tab: when a run's clean and corrupted examples were fitted (fit-epoch
// histogram with medians), corrupted examples memorized vs predicted as their true class,
// forgetting events, the true-vs-predicted matrix of corrupted examples, and what early
// stopping would have given. Reads the run folder's predictions, so it works for the run in
// training (reload after each epoch) and for any finished or killed run.
class MemorizationView : public QWidget {
    Q_OBJECT

public:
    explicit MemorizationView(QWidget* parent = nullptr);

    // Shows the run in `directory`; says why when it has no predictions.
    void showRun(const QString& directory);
    void reload() { showRun(m_directory); }
    QString directory() const { return m_directory; }
    const MemorizationReport& report() const { return m_report; }
    void applyTheme(const PlotTheme& theme);

private:
    void showReport(const QString& summary);
    void fillConfusion(const std::vector<std::string>& classNames);

    QString m_directory;
    MemorizationReport m_report;
    QLabel* m_summary;
    FigurePlot* m_histogram;
    FigurePlot* m_curves;
    FigurePlot* m_forgetting;
    QTableWidget* m_confusion;
};

}  // namespace shatter
