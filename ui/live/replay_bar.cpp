#include "live/replay_bar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSlider>
#include <QStyle>
#include <cmath>

#include "live/run_replay.h"
#include "replay/replay_clock.h"
#include "replay/replay_timeline.h"

namespace shatter {

namespace {

QString clockText(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "–";
    const long total = std::lround(std::ceil(seconds));
    if (total >= 3600) {
        return QString("%1:%2:%3")
            .arg(total / 3600)
            .arg(total / 60 % 60, 2, 10, QChar('0'))
            .arg(total % 60, 2, 10, QChar('0'));
    }
    return QString("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QChar('0'));
}

}  // namespace

QString ReplayBar::speedText(double speed) { return QString::number(speed, 'g', 4) + "×"; }

ReplayBar::ReplayBar(RunReplay* replay, QWidget* parent)
    : QWidget(parent),
      m_replay(replay),
      m_title(new QLabel),
      m_play(new QPushButton),
      m_speed(new QComboBox),
      m_slider(new QSlider(Qt::Horizontal)),
      m_position(new QLabel),
      m_left(new QLabel),
      m_close(new QPushButton(style()->standardIcon(QStyle::SP_DialogCloseButton), "End")) {
    setObjectName("replayBar");
    m_title->setObjectName("replayTitle");
    m_position->setObjectName("replayPosition");
    // A long run name gives way to the controls: it is shortened to the room there is.
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_play->setToolTip("Play or pause the replay (Ctrl+Space, Pause)");
    for (double speed : ReplayClock::speeds()) m_speed->addItem(speedText(speed), speed);

    m_slider->setToolTip(
        "Drag to an epoch; , and . move one epoch, Home and End to the first and last");
    m_slider->setMinimumWidth(80);

    m_close->setToolTip("End the replay (Esc); the charts keep what they show");
    for (QWidget* control : std::initializer_list<QWidget*>{m_play, m_speed, m_slider, m_close})
        control->setFocusPolicy(Qt::NoFocus);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 2, 6, 2);
    layout->addWidget(m_title, 2);
    layout->addWidget(m_play);
    layout->addWidget(m_speed);
    layout->addWidget(m_slider, 2);
    layout->addWidget(m_position);
    layout->addWidget(m_left);
    layout->addWidget(m_close);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::AlternateBase);

    connect(m_play, &QPushButton::clicked, m_replay, &RunReplay::togglePlaying);
    connect(m_speed, &QComboBox::activated, this,
            [this](int index) { m_replay->setSpeed(m_speed->itemData(index).toDouble()); });
    connect(m_slider, &QSlider::valueChanged, m_replay, &RunReplay::seek);
    connect(m_close, &QPushButton::clicked, m_replay, &RunReplay::close);
    connect(m_replay, &RunReplay::changed, this, &ReplayBar::refresh);
    refresh();
}

void ReplayBar::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    showTitle();
}

void ReplayBar::showTitle() {
    const QString full = "Replay: " + m_replay->title();
    const QString elided =
        m_title->fontMetrics().elidedText(full, Qt::ElideMiddle, m_title->width());
    // Too narrow for a few letters of the name (a projector's 1024 pixels): the status bar has it.
    const bool roomForReplay =
        m_title->fontMetrics().horizontalAdvance("Replay") <= m_title->width();
    m_title->setText(elided.size() >= 12 ? elided : roomForReplay ? QString("Replay") : QString());
    m_title->setToolTip(full + "\n" + m_replay->directory());
}

QString ReplayBar::paceText(ReplayTimeline::Pace pace) {
    switch (pace) {
        case ReplayTimeline::Pace::Recorded:
            return "1× is the pace this run was trained at.";
        case ReplayTimeline::Pace::Stretched:
            return "This run trained faster than half a second per epoch: at 1× its epochs take "
                   "half "
                   "a second on average, each as long relative to the others as it was.";
        case ReplayTimeline::Pace::Squeezed:
            return "This run trained for longer than ten minutes: at 1× the whole run takes ten "
                   "minutes, each epoch as long relative to the others as it was.";
        case ReplayTimeline::Pace::Uniform:
            return "This run's metrics.csv lacks some epoch times: at 1× each epoch takes a "
                   "second.";
    }
    return {};
}

void ReplayBar::refresh() {
    showTitle();
    const QString pace = paceText(m_replay->timeline().pace());
    m_speed->setToolTip(
        "Replay speed: 1× is the pace the run was trained at (at least half a second "
        "per epoch, at most ten minutes in all); 2× is twice as fast. ] faster, [ "
        "slower.\n" +
        pace);
    m_left->setToolTip(pace);
    const bool playing = m_replay->isPlaying();
    m_play->setText(playing ? "Pause" : "Play");
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    int index = m_speed->findData(m_replay->speed());
    if (index < 0) {
        m_speed->addItem(speedText(m_replay->speed()), m_replay->speed());
        index = m_speed->count() - 1;
    }
    m_speed->setCurrentIndex(index);
    {
        const QSignalBlocker block(m_slider);
        m_slider->setRange(0, m_replay->epochCount());
        m_slider->setValue(m_replay->epoch());
    }
    m_position->setText(
        QString("epoch %1 / %2").arg(m_replay->epoch()).arg(m_replay->epochCount()));
    // As wide as the run's longest position, so that the slider does not jump as it plays.
    const QString widest = QString("epoch %1 / %1").arg(m_replay->epochCount());
    m_position->setMinimumWidth(m_position->fontMetrics().horizontalAdvance(widest) + 4);
    m_left->setText(clockText(m_replay->secondsLeft()) + " left");
}

}  // namespace shatter
