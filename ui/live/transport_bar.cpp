#include "live/transport_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace shatter {

TransportBar::TransportBar(QWidget* parent)
    : QWidget(parent),
      m_start(new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), "Start")),
      m_pause(new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), "Pause")),
      m_stop(new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), "Stop")),
      m_preset(new QComboBox) {
    m_start->setToolTip("Start a run with the settings on the left (Space)");
    m_pause->setToolTip("Pause or resume the run (Space)");
    m_stop->setToolTip("Stop the run; its finished epochs stay saved (Esc)");
    m_pause->setCheckable(true);
    for (QPushButton* button : {m_start, m_pause, m_stop}) {
        button->setFocusPolicy(Qt::NoFocus);
        button->setMinimumWidth(fontMetrics().horizontalAdvance("Resume") + 48);
    }
    m_preset->setMinimumContentsLength(26);
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setPlaceholderText("choose a preset…");

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_start);
    layout->addWidget(m_pause);
    layout->addWidget(m_stop);
    layout->addSpacing(18);
    layout->addWidget(new QLabel("Preset"));
    layout->addWidget(m_preset);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &TransportBar::startRequested);
    connect(m_pause, &QPushButton::toggled, this, &TransportBar::pauseToggled);
    connect(m_stop, &QPushButton::clicked, this, &TransportBar::stopRequested);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { Q_EMIT presetChosen(m_preset->itemText(index)); });
    setState(TrainingController::State::Idle);
}

void TransportBar::setPresets(const QStringList& names) {
    m_preset->clear();
    for (const QString& name : names) m_preset->addItem(name);
    m_preset->setCurrentIndex(-1);
}

void TransportBar::setCurrentPreset(const QString& name) { m_preset->setCurrentIndex(m_preset->findText(name)); }

QString TransportBar::currentPreset() const { return m_preset->currentText(); }

void TransportBar::setState(TrainingController::State state) {
    using State = TrainingController::State;
    const bool idle = state == State::Idle;
    m_start->setEnabled(idle);
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_stop->setEnabled(!idle && state != State::Stopping);
    m_preset->setEnabled(idle);
    {
        const QSignalBlocker block(m_pause);
        m_pause->setChecked(state == State::Paused);
    }
    m_pause->setText(state == State::Paused ? "Resume" : "Pause");
    m_pause->setIcon(style()->standardIcon(state == State::Paused ? QStyle::SP_MediaPlay
                                                                  : QStyle::SP_MediaPause));
}

}  // namespace shatter
