#pragma once

#include <QWidget>
#include <functional>
#include <vector>

#include "theory/kernel_settings.h"
#include "theory/theory_outcomes.h"
#include "train/run_config.h"

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace shatter {

class KernelBarChart;
class TheoryController;
struct PlotTheme;

// The kernel half of the Theory tab: kernel, bandwidth (median heuristic or a value) and ridge,
// the memory a solve needs, runs with true labels, random labels or both, and a table and bar
// chart of the runs side by side (train and test accuracy, RKHS norm). Every run is also a run
// folder, listed in RUNS.
class KernelView : public QWidget {
    Q_OBJECT

public:
    // The table keeps this many runs, the newest last.
    static constexpr int kMaxRuns = 6;

    KernelView(TheoryController* controller, std::function<RunConfig()> config,
               QWidget* parent = nullptr);

    KernelSettings settings() const;
    void setSettings(const KernelSettings& settings);
    // Each false (with the reason shown) when it cannot start.
    bool runTrueLabels();
    bool runRandomLabels();
    bool runBoth();
    void refresh();
    void addOutcome(const KernelOutcome& outcome);
    void showError(const QString& message);

    const std::vector<KernelOutcome>& outcomes() const { return m_outcomes; }
    QTableWidget* table() const { return m_table; }
    KernelBarChart* chart() const { return m_chart; }
    QLabel* memoryLabel() const { return m_memory; }
    QLabel* messageLabel() const { return m_message; }
    QPushButton* trueButton() const { return m_runTrue; }
    QPushButton* randomButton() const { return m_runRandom; }
    QPushButton* bothButton() const { return m_runBoth; }

    void applyTheme(const PlotTheme& theme);

private:
    QWidget* buildSettings();
    bool started(bool ok);
    void rebuildTable();
    QString runName(int index) const;

    TheoryController* m_controller;
    std::function<RunConfig()> m_config;
    std::vector<KernelOutcome> m_outcomes;
    bool m_running = false;
    QComboBox* m_kernel = nullptr;
    QCheckBox* m_autoBandwidth = nullptr;
    QDoubleSpinBox* m_bandwidth = nullptr;
    QDoubleSpinBox* m_ridge = nullptr;
    QLabel* m_memory = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_runTrue = nullptr;
    QPushButton* m_runRandom = nullptr;
    QPushButton* m_runBoth = nullptr;
    QTableWidget* m_table = nullptr;
    KernelBarChart* m_chart = nullptr;
};

}  // namespace shatter
