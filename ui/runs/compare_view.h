#pragma once

#include <QStringList>
#include <QWidget>
#include <string>
#include <vector>

#include "run/run_entry.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QSplitter;
class QTableWidget;

namespace shatter {

class MetricPlot;
struct PlotTheme;

// The Compare tab: the ticked runs overlaid on one metric of metrics.csv (chosen from a list),
// each in its run's colour with its own line style and a legend by run name; below, a table
// with a column per run: final numbers, then every setting, the settings that differ between
// the runs highlighted.
class CompareView : public QWidget {
    Q_OBJECT

public:
    explicit CompareView(QWidget* parent = nullptr);

    // The runs to compare, in list order.
    void setRuns(const std::vector<RunEntry>& runs);
    const std::vector<RunEntry>& runs() const { return m_runs; }

    // A metrics.csv column key, e.g. "test_acc"; unknown keys are ignored.
    void setMetric(const QString& key);
    QString metric() const;
    void setOnlyDiffering(bool only);

    // The chart as it is now (redrawn when the runs change, a new one when the metric does), for
    // export.
    MetricPlot* plot() const { return m_plot; }
    QTableWidget* table() const { return m_table; }
    QComboBox* metricBox() const { return m_metricBox; }
    // The setting keys highlighted as differing.
    QStringList differingSettings() const { return m_differing; }
    // The table row of a setting key or of a final number ("train_acc", "test_acc", ...); -1 if
    // none.
    int rowOf(const QString& key) const;

    void applyTheme(const PlotTheme& theme);
    // The metric and the table's filter, in the application settings.
    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void metricChanged(const QString& key);

private:
    void rebuildPlot();
    void rebuildTable();

    std::vector<RunEntry> m_runs;
    QStringList m_differing;
    QStringList m_rowKeys;
    QComboBox* m_metricBox;
    QCheckBox* m_onlyDiffering;
    QLabel* m_hint;
    QSplitter* m_splitter;
    QWidget* m_plotHolder;
    MetricPlot* m_plot = nullptr;
    std::string m_plotMetric;  // the metric m_plot was made for
    QTableWidget* m_table;
};

}  // namespace shatter
