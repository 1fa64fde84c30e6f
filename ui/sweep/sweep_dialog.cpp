#include "sweep/sweep_dialog.h"

#include <algorithm>

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "corruption/corruption_level.h"
#include "live/training_controller.h"
#include "model/model_catalog.h"
#include "shatter_error.h"
#include "sweep/sweep_controller.h"
#include "sweep/sweep_record.h"

namespace shatter {

SweepDialog::SweepDialog(SweepController* controller, const RunConfig& base, QWidget* parent)
    : QDialog(parent),
      m_controller(controller),
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

    auto* form = new QFormLayout;
    form->addRow("Networks", m_models);
    form->addRow("Corruption", modeBox);
    form->addRow("Levels", m_levels);
    form->addRow("Epochs per run", m_epochs);
    form->addRow("", m_stopWhenFit);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_resume);
    buttons->addStretch(1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel("Every run uses the experiment panel's other settings (data, optimizer, seed)."));
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addLayout(buttons);

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
            startSweep(folder);
        } catch (const std::exception& error) {
            QMessageBox::warning(this, "Shatter", QString::fromStdString(error.what()));
        }
    });
    connect(m_cancel, &QPushButton::clicked, m_controller, &SweepController::cancel);
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
        m_start->setEnabled(!m_controller->isActive());
    } catch (const ShatterError& error) {
        m_summary->setText(QString::fromStdString(error.what()));
        m_start->setEnabled(false);
    }
}

void SweepDialog::setActive(bool active) {
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
    if (m_controller->isActive()) return;
    SweepPlan p;
    try {
        p = plan();
    } catch (const ShatterError& error) {
        QMessageBox::warning(this, "Shatter", QString::fromStdString(error.what()));
        return;
    }
    const QString folder = directory.isEmpty() ? SweepController::newSweepDirectory() : directory;
    m_progress->setRange(0, int(p.points().size()));
    m_progress->setValue(0);
    m_status->setText("Loading the data…");
    m_controller->start(p, folder);
    Q_EMIT sweepStarted(folder);
}

}  // namespace shatter
