#include "sweep/sweep_executor_panel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

#include "common/app_settings.h"

namespace shatter {

SweepExecutorPanel::SweepExecutorPanel(QWidget* parent)
    : QWidget(parent),
      m_executor(new QComboBox),
      m_processes(new QSpinBox),
      m_slurm(new QGroupBox("Slurm")),
      m_folder(new QLineEdit),
      m_partition(new QLineEdit),
      m_time(new QLineEdit),
      m_cpus(new QSpinBox),
      m_gres(new QLineEdit),
      m_maxParallel(new QSpinBox),
      m_extra(new QLineEdit) {
    m_executor->addItem("this machine, one run at a time",
                        QString::fromStdString(toString(SweepExecutor::Local)));
    m_executor->addItem("N processes on this machine",
                        QString::fromStdString(toString(SweepExecutor::Processes)));
    m_executor->addItem("Slurm cluster", QString::fromStdString(toString(SweepExecutor::Slurm)));
    m_processes->setRange(2, 256);
    m_processes->setSuffix(" processes");
    m_processes->setToolTip("Worker processes sharing this machine's cores; each trains one point");
    m_folder->setPlaceholderText("the runs folder");
    m_folder->setToolTip("A folder every compute node sees at the same path (a shared filesystem)");
    m_partition->setPlaceholderText("default");
    m_time->setPlaceholderText("e.g. 01:00:00");
    m_time->setToolTip("Time limit of each point (sbatch --time)");
    m_cpus->setRange(1, 1024);
    m_cpus->setToolTip("Cores per point (sbatch --cpus-per-task), also its thread count");
    m_gres->setPlaceholderText("e.g. gpu:1");
    m_maxParallel->setRange(0, 100000);
    m_maxParallel->setSpecialValueText("no limit");
    m_maxParallel->setToolTip("Points running at once (--array=…%M)");
    m_extra->setPlaceholderText("e.g. --account=abc");
    m_extra->setToolTip("More sbatch arguments, space-separated, passed as they are");

    auto* browse = new QPushButton("Browse…");
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    // Two settings a row, so that the dialog stays short.
    auto* slurmGrid = new QGridLayout(m_slurm);
    slurmGrid->addWidget(new QLabel("Shared folder"), 0, 0);
    slurmGrid->addLayout(folderRow, 0, 1, 1, 3);
    slurmGrid->addWidget(new QLabel("Partition"), 1, 0);
    slurmGrid->addWidget(m_partition, 1, 1);
    slurmGrid->addWidget(new QLabel("Time limit"), 1, 2);
    slurmGrid->addWidget(m_time, 1, 3);
    slurmGrid->addWidget(new QLabel("CPUs per point"), 2, 0);
    slurmGrid->addWidget(m_cpus, 2, 1);
    slurmGrid->addWidget(new QLabel("GPUs (--gres)"), 2, 2);
    slurmGrid->addWidget(m_gres, 2, 3);
    slurmGrid->addWidget(new QLabel("At most running"), 3, 0);
    slurmGrid->addWidget(m_maxParallel, 3, 1);
    slurmGrid->addWidget(new QLabel("sbatch arguments"), 3, 2);
    slurmGrid->addWidget(m_extra, 3, 3);

    auto* runOn = new QHBoxLayout;
    runOn->addWidget(m_executor, 1);
    runOn->addWidget(m_processes);
    auto* layout = new QFormLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addRow("Run on", runOn);
    layout->addRow(m_slurm);

    const SweepExecutor remembered =
        sweepExecutorFromString(AppSettings::sweepExecutor.value().toStdString())
            .value_or(SweepExecutor::Local);
    setExecutor(remembered);
    m_processes->setValue(AppSettings::sweepProcesses.value());
    m_folder->setText(AppSettings::slurmFolder.value());
    m_partition->setText(AppSettings::slurmPartition.value());
    m_time->setText(AppSettings::slurmTimeLimit.value());
    m_cpus->setValue(AppSettings::slurmCpusPerTask.value());
    m_gres->setText(AppSettings::slurmGres.value());
    m_maxParallel->setValue(AppSettings::slurmMaxParallel.value());
    m_extra->setText(AppSettings::slurmExtraArguments.value());
    updateVisibility();

    connect(browse, &QPushButton::clicked, this, [this]() {
        const QString folder =
            QFileDialog::getExistingDirectory(this, "Shared folder for sweeps", m_folder->text());
        if (!folder.isEmpty()) m_folder->setText(folder);
    });
    connect(m_executor, &QComboBox::currentIndexChanged, this, [this]() {
        updateVisibility();
        Q_EMIT changed();
    });
    connect(m_processes, &QSpinBox::valueChanged, this, &SweepExecutorPanel::changed);
}

SweepExecutor SweepExecutorPanel::executor() const {
    return sweepExecutorFromString(m_executor->currentData().toString().toStdString())
        .value_or(SweepExecutor::Local);
}

void SweepExecutorPanel::setExecutor(SweepExecutor executor) {
    m_executor->setCurrentIndex(m_executor->findData(QString::fromStdString(toString(executor))));
    updateVisibility();
}

int SweepExecutorPanel::processes() const {
    return executor() == SweepExecutor::Processes ? m_processes->value() : 1;
}

SlurmOptions SweepExecutorPanel::slurmOptions() const {
    SlurmOptions options;
    options.partition = m_partition->text().trimmed().toStdString();
    options.timeLimit = m_time->text().trimmed().toStdString();
    options.cpusPerTask = m_cpus->value();
    options.gres = m_gres->text().trimmed().toStdString();
    options.maxParallel = m_maxParallel->value();
    for (const QString& argument : m_extra->text().split(' ', Qt::SkipEmptyParts)) {
        options.extraArguments.push_back(argument.toStdString());
    }
    return options;
}

QString SweepExecutorPanel::sharedFolder() const { return m_folder->text().trimmed(); }

void SweepExecutorPanel::setSharedFolder(const QString& folder) { m_folder->setText(folder); }

void SweepExecutorPanel::remember() const {
    AppSettings::sweepExecutor.setValue(QString::fromStdString(toString(executor())));
    AppSettings::sweepProcesses.setValue(m_processes->value());
    AppSettings::slurmFolder.setValue(sharedFolder());
    AppSettings::slurmPartition.setValue(m_partition->text().trimmed());
    AppSettings::slurmTimeLimit.setValue(m_time->text().trimmed());
    AppSettings::slurmCpusPerTask.setValue(m_cpus->value());
    AppSettings::slurmGres.setValue(m_gres->text().trimmed());
    AppSettings::slurmMaxParallel.setValue(m_maxParallel->value());
    AppSettings::slurmExtraArguments.setValue(m_extra->text().trimmed());
}

void SweepExecutorPanel::updateVisibility() {
    m_processes->setVisible(executor() == SweepExecutor::Processes);
    m_slurm->setVisible(executor() == SweepExecutor::Slurm);
}

}  // namespace shatter
