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
class QAbstractItemModel;
class QTableView;

namespace shatter {

class CompareTableModel;
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
    // export; brought up to date first when the runs changed while the tab was hidden.
    MetricPlot* plot();
    // The table's model (a column per run), brought up to date like the chart.
    QAbstractItemModel* tableModel();
    QComboBox* metricBox() const { return m_metricBox; }
    // The setting keys highlighted as differing.
    QStringList differingSettings() const { return m_differing; }
    // The table row of a setting key or of a final number ("train_acc", "test_acc", ...); -1 if
    // none.
    int rowOf(const QString& key);

    void applyTheme(const PlotTheme& theme);
    // The metric and the table's filter, in the application settings.
    void saveState() const;
    void restoreState();

Q_SIGNALS:
    void metricChanged(const QString& key);

protected:
    void showEvent(QShowEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void catchUp();
    void rebuildPlot();
    void rebuildTable();
    void fitTableToFont();

    std::vector<RunEntry> m_runs;
    QStringList m_differing;
    bool m_behind = false;  // the runs changed while the tab was hidden
    QComboBox* m_metricBox;
    QCheckBox* m_onlyDiffering;
    QLabel* m_hint;
    QSplitter* m_splitter;
    QWidget* m_plotHolder;
    MetricPlot* m_plot = nullptr;
    std::string m_plotMetric;  // the metric m_plot was made for
    CompareTableModel* m_tableModel;
    QTableView* m_table;
};

}  // namespace shatter
