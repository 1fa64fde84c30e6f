#include "live/transport_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

#include "shatter_error.h"

namespace shatter {

namespace {

// The paces offered; a preset may bring another one.
const EpochPace kPaces[] = {EpochPace::fastest(), EpochPace::perSecond(2), EpochPace::perSecond(1),
                            EpochPace::duration(30)};

}  // namespace

TransportBar::TransportBar(QWidget* parent)
    : QWidget(parent),
      m_start(new QPushButton(style()->standardIcon(QStyle::SP_MediaPlay), "Start")),
      m_pause(new QPushButton(style()->standardIcon(QStyle::SP_MediaPause), "Pause")),
      m_step(new QPushButton(style()->standardIcon(QStyle::SP_MediaSkipForward), "Step")),
      m_stop(new QPushButton(style()->standardIcon(QStyle::SP_MediaStop), "Stop")),
      m_preset(new QComboBox),
      m_pace(new QComboBox) {
    m_start->setToolTip("Start a run with the settings on the left (Space)");
    m_pause->setToolTip("Pause or resume the run (Space)");
    m_step->setToolTip("While paused: train one more epoch, then pause again");
    m_stop->setToolTip("Stop the run; its finished epochs stay saved (Esc)");
    m_pause->setCheckable(true);
    for (QPushButton* button : {m_start, m_pause, m_step, m_stop})
        button->setFocusPolicy(Qt::NoFocus);
    // Pause and Resume take the same room; Step keeps its own, narrower width.
    for (QPushButton* button : {m_start, m_pause, m_stop})
        button->setMinimumWidth(fontMetrics().horizontalAdvance("Resume") + 48);
    m_preset->setMinimumContentsLength(26);
    m_preset->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_preset->setPlaceholderText(customSettingsText());
    m_preset->setToolTip("Fill the settings from a preset; editing a setting makes them custom");

    for (const EpochPace& pace : kPaces) addPace(pace);
    m_pace->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_pace->setFocusPolicy(Qt::NoFocus);
    m_pace->setToolTip(
        "How fast epochs follow each other, for narrating a demonstration "
        "(\"About 30 s\": the whole run); can be changed while a run is going");

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_start);
    layout->addWidget(m_pause);
    layout->addWidget(m_step);
    layout->addWidget(m_stop);
    layout->addSpacing(18);
    layout->addWidget(new QLabel("Preset"));
    layout->addWidget(m_preset);
    layout->addSpacing(12);
    auto* paceLabel = new QLabel("Pace");
    paceLabel->setBuddy(m_pace);
    layout->addWidget(paceLabel);
    layout->addWidget(m_pace);
    layout->addStretch(1);

    connect(m_start, &QPushButton::clicked, this, &TransportBar::startRequested);
    connect(m_pause, &QPushButton::toggled, this, &TransportBar::pauseToggled);
    connect(m_step, &QPushButton::clicked, this, &TransportBar::stepRequested);
    connect(m_stop, &QPushButton::clicked, this, &TransportBar::stopRequested);
    connect(m_preset, &QComboBox::activated, this,
            [this](int index) { Q_EMIT presetChosen(m_preset->itemText(index)); });
    connect(m_pace, &QComboBox::activated, this, [this]() { Q_EMIT paceChosen(pace()); });
    setState(TrainingController::State::Idle);
}

QString TransportBar::customSettingsText() { return QStringLiteral("custom settings"); }

void TransportBar::setPresets(const QStringList& names) {
    m_preset->clear();
    for (const QString& name : names) m_preset->addItem(name);
    m_preset->setCurrentIndex(-1);
}

void TransportBar::setCurrentPreset(const QString& name) {
    m_preset->setCurrentIndex(name.isEmpty() ? -1 : m_preset->findText(name));
}

QString TransportBar::currentPreset() const {
    return m_preset->currentIndex() < 0 ? QString() : m_preset->currentText();
}

int TransportBar::addPace(const EpochPace& pace) {
    m_pace->addItem(QString::fromStdString(pace.title()), QString::fromStdString(pace.key()));
    return m_pace->count() - 1;
}

void TransportBar::setPace(const EpochPace& pace) {
    int index = m_pace->findData(QString::fromStdString(pace.key()));
    if (index < 0) index = addPace(pace);
    m_pace->setCurrentIndex(index);
}

EpochPace TransportBar::pace() const {
    try {
        return EpochPace::parse(m_pace->currentData().toString().toStdString());
    } catch (const ConfigError&) {
        return EpochPace::fastest();
    }
}

void TransportBar::setState(TrainingController::State state) {
    using State = TrainingController::State;
    const bool idle = state == State::Idle;
    m_start->setEnabled(idle);
    m_pause->setEnabled(state == State::Running || state == State::Paused);
    m_step->setEnabled(state == State::Paused);
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
