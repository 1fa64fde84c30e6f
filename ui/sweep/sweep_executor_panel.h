#pragma once

#include <QWidget>

#include "slurm/slurm_options.h"
#include "sweep/sweep_executor.h"

class QComboBox;
class QGroupBox;
class QLineEdit;
class QSpinBox;

namespace shatter {

// "Run on": this machine (one run at a time), N worker processes on this machine, or a Slurm
// cluster with its sbatch settings and the shared folder the sweep goes into. Starts with the
// choices last remembered (AppSettings); remember() stores the current ones.
class SweepExecutorPanel : public QWidget {
    Q_OBJECT

public:
    explicit SweepExecutorPanel(QWidget* parent = nullptr);

    SweepExecutor executor() const;
    void setExecutor(SweepExecutor executor);
    int processes() const;
    // The sbatch settings; shatterCli is left empty (the caller knows where it is).
    SlurmOptions slurmOptions() const;
    // The folder that receives Slurm sweep folders; empty: the runs folder.
    QString sharedFolder() const;
    void setSharedFolder(const QString& folder);
    void remember() const;

    QComboBox* executorBox() const { return m_executor; }

Q_SIGNALS:
    void changed();

private:
    void updateVisibility();

    QComboBox* m_executor;
    QSpinBox* m_processes;
    QGroupBox* m_slurm;
    QLineEdit* m_folder;
    QLineEdit* m_partition;
    QLineEdit* m_time;
    QSpinBox* m_cpus;
    QLineEdit* m_gres;
    QSpinBox* m_maxParallel;
    QLineEdit* m_extra;
};

}  // namespace shatter
