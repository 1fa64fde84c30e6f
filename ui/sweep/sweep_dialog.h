#pragma once

#include <QDialog>

#include "sweep/sweep_plan.h"
#include "train/run_config.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace shatter {

class SlurmSweepMonitor;
class SweepController;
class SweepExecutorPanel;
struct SweepStatus;

// Queues one run per model, corruption mode and level (the paper's Figure 1), every run with
// the experiment panel's other settings. Shows the sweep's progress ("point 3 of 6 · epoch
// 5/60") while the live view follows the run in progress; Cancel stops it. The sweep folder
// goes under the runs folder; "Resume…" continues a cancelled sweep where it stopped.
// "Run on" chooses this process, N worker processes, or a Slurm cluster: a Slurm sweep is
// submitted as one array job into the shared folder, and the dialog lists each point's state
// (pending, running, finished, ...) as the monitor reports it; Cancel runs scancel, and starting
// it again resubmits the points without a finished run.
// The dialog is not modal, and opens where it leaves the live charts in sight (DialogPlacement),
// so that a sweep can be watched and the rest of the window used while it runs.
class SweepDialog : public QDialog {
    Q_OBJECT

public:
    SweepDialog(SweepController* controller, SlurmSweepMonitor* slurm, const RunConfig& base,
                QWidget* parent = nullptr);

    // The plan the dialog would start; throws ConfigError for bad levels or an empty axis.
    SweepPlan plan() const;
    void setLevelsText(const QString& text);
    void setModels(const QStringList& keys);
    void setModes(const std::vector<CorruptionMode>& modes);
    void setEpochs(int epochs);
    // Starts a new sweep folder, or continues `directory` when given.
    void startSweep(const QString& directory = QString());

    SweepExecutorPanel* executorPanel() const { return m_executorPanel; }
    QTableWidget* pointTable() const { return m_points; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QString progressText() const;

Q_SIGNALS:
    void sweepStarted(const QString& directory);

protected:
    void showEvent(QShowEvent* event) override;

private:
    void updateSummary();
    void setActive(bool active);
    bool busy() const;
    void submitToSlurm(const SweepPlan& plan, const QString& directory);
    void showPoints(const SweepStatus& status);

    SweepController* m_controller;
    SlurmSweepMonitor* m_slurm;
    SweepExecutorPanel* m_executorPanel;
    QTableWidget* m_points;
    RunConfig m_base;
    QListWidget* m_models;
    std::vector<std::pair<CorruptionMode, QCheckBox*>> m_modes;
    QLineEdit* m_levels;
    QSpinBox* m_epochs;
    QCheckBox* m_stopWhenFit;
    QLabel* m_summary;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPushButton* m_start;
    QPushButton* m_resume;
    QPushButton* m_cancel;
    QPushButton* m_close;
    int m_epochCount = 0;
    QString m_point;
    bool m_placed = false;
};

}  // namespace shatter
