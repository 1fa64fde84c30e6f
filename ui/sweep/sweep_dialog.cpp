#include "sweep/sweep_dialog.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

#include "corruption/corruption_level.h"
#include "live/live_view.h"
#include "live/training_controller.h"
#include "model/model_catalog.h"
#include "shatter_error.h"
#include "sweep/dialog_placement.h"
#include "sweep/slurm_sweep_monitor.h"
#include "sweep/sweep_controller.h"
#include "sweep/sweep_executor_panel.h"
#include "sweep/sweep_record.h"

namespace shatter {

SweepDialog::SweepDialog(SweepController* controller, SlurmSweepMonitor* slurm,
                         const RunConfig& base, QWidget* parent)
    : QDialog(parent),
      m_controller(controller),
      m_slurm(slurm),
      m_executorPanel(new SweepExecutorPanel),
      m_points(new QTableWidget(0, 4)),
      m_base(base),
      m_models(new QListWidget),
      m_levels(new QLineEdit("0, 0.2, 0.4, 0.6, 0.8, 1")),
      m_epochs(new QSpinBox),
      m_stopWhenFit(new QCheckBox("End each run once it fits the training set")),
      m_summary(new QLabel),
      m_progress(new QProgressBar),
      m_status(new QLabel),
      m_start(new QPushButton("Start sweep")),
      m_resume(new QPushButton("Resume a sweep…")),
      m_cancel(new QPushButton("Cancel sweep")),
      m_close(new QPushButton("Close")) {
    setWindowTitle("Sweep the corruption level");
    setModal(false);  // the live view, RUNS and the gallery stay usable during the sweep
    for (const ModelInfo& info : modelCatalog()) {
        auto* item = new QListWidgetItem(info.title, m_models);
        item->setData(Qt::UserRole, QString(info.key));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(base.model == info.key ? Qt::Checked : Qt::Unchecked);
    }
    m_models->setMaximumHeight(m_models->sizeHintForRow(0) * (m_models->count() + 1));

    auto* modeBox = new QVBoxLayout;
    for (const CorruptionModeInfo& info : corruptionModes()) {
        if (info.mode == CorruptionMode::None) continue;  // level 0 of every mode is the true data
        auto* box = new QCheckBox(info.title);
        box->setToolTip(info.explanation);
        box->setChecked(info.mode == CorruptionMode::Labels);
        modeBox->addWidget(box);
        m_modes.emplace_back(info.mode, box);
        connect(box, &QCheckBox::toggled, this, &SweepDialog::updateSummary);
    }
    m_levels->setToolTip("Corruption levels from 0 (true data) to 1 (everything corrupted), comma-separated");
    m_epochs->setRange(1, 10000);
    m_epochs->setValue(base.epochs);
    m_stopWhenFit->setChecked(base.stopWhenFit);
    m_stopWhenFit->setToolTip("Saves time; the loss curves of Figure 1 (a) then end at the epoch of fit");
    m_summary->setWordWrap(true);
    m_status->setWordWrap(true);
    m_progress->setVisible(false);
    m_cancel->setEnabled(false);
    m_points->setHorizontalHeaderLabels({"Point", "State", "Slurm task", "Slurm says"});
    m_points->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_points->verticalHeader()->setVisible(false);
    m_points->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_points->setMinimumWidth(420);
    m_points->setVisible(false);

    auto* form = new QFormLayout;
    form->addRow("Networks", m_models);
    form->addRow("Corruption", modeBox);
    form->addRow("Levels", m_levels);
    form->addRow("Epochs per run", m_epochs);
    form->addRow("", m_stopWhenFit);
    form->addRow(m_executorPanel);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout;
    layout->addWidget(new QLabel("Every run uses the experiment panel's other settings (data, optimizer, seed)."));
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);
    // The points of a Slurm sweep, beside the settings.
    auto* columns = new QHBoxLayout(this);
    columns->addLayout(layout);
    columns->addWidget(m_points, 1);

    connect(m_models, &QListWidget::itemChanged, this, &SweepDialog::updateSummary);
    connect(m_levels, &QLineEdit::textChanged, this, &SweepDialog::updateSummary);
    connect(m_epochs, &QSpinBox::valueChanged, this, &SweepDialog::updateSummary);
    connect(m_start, &QPushButton::clicked, this, [this]() { startSweep(); });
    connect(m_resume, &QPushButton::clicked, this, [this]() {
        const QString folder = QFileDialog::getExistingDirectory(this, "Resume a sweep", TrainingController::runsRoot());
        if (folder.isEmpty()) return;
        if (!SweepRecord::exists(folder.toStdString())) {
            QMessageBox::warning(this, "Shatter", folder + " holds no sweep.json: choose a sweep folder.");
            return;
        }
        try {
            const SweepRecord record = SweepRecord::load(folder.toStdString());
            m_base = record.plan.base;
            QStringList models;
            for (const std::string& m : record.plan.models) models << QString::fromStdString(m);
            setModels(models);
            setModes(record.plan.modes);
            QStringList levels;
            for (double l : record.plan.levels) levels << QString::number(l);
            setLevelsText(levels.join(", "));
            setEpochs(record.plan.base.epochs);
            m_stopWhenFit->setChecked(record.plan.base.stopWhenFit);
            m_executorPanel->setExecutor(record.executor);
            startSweep(folder);
        } catch (const std::exception& error) {
            QMessageBox::warning(this, "Shatter", QString::fromStdString(error.what()));
        }
    });
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_slurm->isActive())
            m_slurm->cancel();
        else
            m_controller->cancel();
    });
    connect(m_executorPanel, &SweepExecutorPanel::changed, this, &SweepDialog::updateSummary);
    connect(m_slurm, &SlurmSweepMonitor::activeChanged, this, &SweepDialog::setActive);
    connect(m_slurm, &SlurmSweepMonitor::statusChanged, this, &SweepDialog::showPoints);
    connect(m_slurm, &SlurmSweepMonitor::failed, this,
            [this](const QString& message) { m_status->setText(message); });
    connect(m_slurm, &SlurmSweepMonitor::finished, this, [this](const QString& directory) {
        const SweepStatus& status = m_slurm->status();
        m_status->setText(QString("Slurm sweep ended: %1 of %2 points finished in %3%4")
                              .arg(status.count(PointState::Finished))
                              .arg(status.points.size())
                              .arg(directory)
                              .arg(status.count(PointState::Finished) < int(status.points.size())
                                       ? "; Start again resubmits the rest"
                                       : ""));
    });
    connect(m_close, &QPushButton::clicked, this, &QDialog::close);

    connect(m_controller, &SweepController::activeChanged, this, &SweepDialog::setActive);
    connect(m_controller, &SweepController::pointStarted, this,
            [this](int index, int count, const QString& name, const QString&, int epochs) {
                m_progress->setRange(0, count);
                m_progress->setValue(index);
                m_point = QString("point %1 of %2: %3").arg(index + 1).arg(count).arg(name);
                m_epochCount = epochs;
                m_status->setText(m_point + QString(" · epoch 0/%1").arg(epochs));
            });
    connect(m_controller, &SweepController::pointSkipped, this, [this](int index, int count, const QString& name) {
        m_progress->setRange(0, count);
        m_progress->setValue(index + 1);
        m_status->setText(QString("point %1 of %2: %3 already finished, skipped").arg(index + 1).arg(count).arg(name));
    });
    connect(m_controller, &SweepController::epochEnded, this, [this](const EpochReport& report) {
        m_status->setText(m_point + QString(" · epoch %1/%2").arg(report.metrics.epoch).arg(m_epochCount));
    });
    connect(m_controller, &SweepController::pointFinished, this,
            [this](int index, int, const RunSummary&) { m_progress->setValue(index + 1); });
    connect(m_controller, &SweepController::finished, this, [this](const QString& directory, bool cancelled) {
        m_status->setText((cancelled ? "Cancelled; Resume continues it from " : "Finished: ") + directory);
    });
    updateSummary();
    setActive(m_controller->isActive());
}

void SweepDialog::showEvent(QShowEvent* event) {
    QDialog::showEvent(event);
    if (m_placed || !parentWidget()) return;
    m_placed = true;  // where the user moves it afterwards is theirs
    QWidget* window = parentWidget()->window();
    const QWidget* charts = window->findChild<LiveView*>();
    const QScreen* screen = window->screen();
    if (!charts || !screen) return;
    const QRect avoid(charts->mapToGlobal(QPoint(0, 0)), charts->size());
    const QSize frame = frameGeometry().size().expandedTo(sizeHint());
    move(DialogPlacement::clearOf(frame, avoid, window->frameGeometry(), screen->availableGeometry()));
}

SweepPlan SweepDialog::plan() const {
    SweepPlan plan;
    plan.base = m_base;
    plan.base.epochs = m_epochs->value();
    plan.base.stopWhenFit = m_stopWhenFit->isChecked();
    plan.models.clear();
    for (int i = 0; i < m_models->count(); ++i) {
        if (m_models->item(i)->checkState() == Qt::Checked) {
            plan.models.push_back(m_models->item(i)->data(Qt::UserRole).toString().toStdString());
        }
    }
    plan.modes.clear();
    for (const auto& [mode, box] : m_modes) {
        if (box->isChecked()) plan.modes.push_back(mode);
    }
    plan.levels = parseLevelList(m_levels->text().toStdString());
    plan.validate();
    return plan;
}

void SweepDialog::setLevelsText(const QString& text) { m_levels->setText(text); }

void SweepDialog::setModels(const QStringList& keys) {
    for (int i = 0; i < m_models->count(); ++i) {
        QListWidgetItem* item = m_models->item(i);
        item->setCheckState(keys.contains(item->data(Qt::UserRole).toString()) ? Qt::Checked : Qt::Unchecked);
    }
}

void SweepDialog::setModes(const std::vector<CorruptionMode>& modes) {
    for (const auto& [mode, box] : m_modes) box->setChecked(std::find(modes.begin(), modes.end(), mode) != modes.end());
}

void SweepDialog::setEpochs(int epochs) { m_epochs->setValue(epochs); }

QString SweepDialog::progressText() const { return m_status->text(); }

void SweepDialog::updateSummary() {
    try {
        const SweepPlan p = plan();
        const QLocale locale;
        m_summary->setText(QString("%1 runs × %2 epochs on %3 training images of %4.")
                               .arg(p.points().size())
                               .arg(p.base.epochs)
                               .arg(p.base.trainSize > 0 ? locale.toString(qlonglong(p.base.trainSize)) : QString("all"))
                               .arg(QString::fromStdString(p.base.dataset)));
        m_start->setEnabled(!busy());
    } catch (const ShatterError& error) {
        m_summary->setText(QString::fromStdString(error.what()));
        m_start->setEnabled(false);
    }
}

bool SweepDialog::busy() const { return m_controller->isActive() || m_slurm->isActive(); }

void SweepDialog::setActive(bool) {
    const bool active = busy();
    m_executorPanel->setEnabled(!active);
    m_cancel->setEnabled(active);
    m_resume->setEnabled(!active);
    m_models->setEnabled(!active);
    m_levels->setEnabled(!active);
    m_epochs->setEnabled(!active);
    m_stopWhenFit->setEnabled(!active);
    for (const auto& entry : m_modes) entry.second->setEnabled(!active);
    if (active) m_progress->setVisible(true);
    updateSummary();
}

void SweepDialog::startSweep(const QString& directory) {
    if (busy()) return;
    SweepPlan p;
    try {
        p = plan();
    } catch (const ShatterError& error) {
        QMessageBox::warning(this, "Shatter", QString::fromStdString(error.what()));
        return;
    }
    QString folder = directory.isEmpty() ? SweepController::newSweepDirectory() : directory;
    m_executorPanel->remember();
    m_progress->setRange(0, int(p.points().size()));
    m_progress->setValue(0);
    if (m_executorPanel->executor() == SweepExecutor::Slurm) {
        const QString shared = m_executorPanel->sharedFolder();
        if (directory.isEmpty() && !shared.isEmpty())
            folder = shared + "/" + QFileInfo(folder).fileName();
        submitToSlurm(p, folder);
        return;
    }
    m_points->setVisible(false);
    m_status->setText("Loading the data…");
    m_controller->start(p, folder, m_executorPanel->processes());
    Q_EMIT sweepStarted(folder);
}

void SweepDialog::submitToSlurm(const SweepPlan& plan, const QString& directory) {
    m_status->setText("Submitting to Slurm…");
    QString error;
    if (!m_slurm->submit(plan, directory, m_executorPanel->slurmOptions(), &error)) {
        m_status->setText("Slurm refused the sweep.");
        QMessageBox::warning(this, "Shatter", error);
        return;
    }
    m_points->setVisible(true);
    m_status->setText(m_slurm->jobId().isEmpty()
                          ? "Every point is finished or still queued: nothing submitted."
                          : QString("Submitted as Slurm array job %1 into %2")
                                .arg(m_slurm->jobId(), m_slurm->directory()));
    Q_EMIT sweepStarted(m_slurm->directory());
}

void SweepDialog::showPoints(const SweepStatus& status) {
    m_points->setVisible(true);
    m_points->setRowCount(int(status.points.size()));
    for (const SweepStatus::Point& point : status.points) {
        const QStringList cells = {
            QString::fromStdString(point.name), QString::fromStdString(toString(point.state)),
            QString::fromStdString(point.task), QString::fromStdString(point.schedulerState)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = m_points->item(point.index, column);
            if (item == nullptr) {
                item = new QTableWidgetItem;
                m_points->setItem(point.index, column, item);
            }
            item->setText(cells[column]);
        }
    }
    m_progress->setVisible(true);
    m_progress->setRange(0, int(status.points.size()));
    m_progress->setValue(status.count(PointState::Finished));
    if (m_slurm->isActive()) {
        m_status->setText(QString("Slurm job %1: %2 finished, %3 running, %4 pending")
                              .arg(m_slurm->jobId())
                              .arg(status.count(PointState::Finished))
                              .arg(status.count(PointState::Running))
                              .arg(status.count(PointState::Pending)));
    }
}

}  // namespace shatter
