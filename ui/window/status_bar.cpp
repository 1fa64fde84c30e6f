#include "window/status_bar.h"

#include <cmath>

#include <QLabel>
#include <QLocale>

namespace shatter {

StatusBar::StatusBar(QWidget* parent)
    : QStatusBar(parent),
      m_device(new QLabel("device: –")),
      m_epoch(new QLabel("epoch –")),
      m_speed(new QLabel),
      m_time(new QLabel),
      m_state(new QLabel("Ready")) {
    setSizeGripEnabled(false);
    addWidget(m_state, 1);  // the message takes the free width; long ones are not cut to the first text's width
    for (QLabel* label : {m_device, m_epoch, m_speed, m_time}) addPermanentWidget(label);
    // Long lines (a run's summary, the device with its threads) never widen the window past the
    // screen: they take the width there is.
    for (QLabel* label : {m_state, m_device}) label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
}

QString StatusBar::clock(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) return "–";
    const long total = std::lround(seconds);
    if (total >= 3600) {
        return QString("%1:%2:%3").arg(total / 3600).arg(total / 60 % 60, 2, 10, QChar('0')).arg(total % 60, 2, 10, QChar('0'));
    }
    return QString("%1:%2").arg(total / 60).arg(total % 60, 2, 10, QChar('0'));
}

void StatusBar::beginRun(int epochs) {
    m_epochs = epochs;
    m_ended = false;
    m_epoch->setText(QString("epoch 0/%1").arg(epochs));
    m_speed->clear();
    m_time->setText("0:00 elapsed");
}

void StatusBar::showStart(const RunStart& start) {
    m_epochs = start.epochs;
    m_device->setText(QString::fromStdString(start.device));
}

void StatusBar::showProgress(const BatchProgress& progress) {
    if (m_epochs <= 0 || progress.batchesPerEpoch <= 0) return;
    const double fraction =
        (progress.epoch - 1 + double(progress.batch) / progress.batchesPerEpoch) / m_epochs;
    showTimes(progress.elapsedSeconds, fraction);
}

void StatusBar::showEpoch(const EpochReport& report) {
    const QLocale locale;
    m_epoch->setText(QString("epoch %1/%2").arg(report.metrics.epoch).arg(m_epochs));
    if (std::isfinite(report.metrics.samplesPerSecond)) {
        m_speed->setText(QString("%1 samples/s")
                             .arg(locale.toString(qlonglong(std::llround(report.metrics.samplesPerSecond)))));
    }
    if (m_epochs > 0) showTimes(report.elapsedSeconds, double(report.metrics.epoch) / m_epochs);
}

void StatusBar::showTimes(double elapsed, double fraction) {
    QString text = clock(elapsed) + " elapsed";
    if (fraction > 0.01 && fraction < 1.0) text += " · " + clock(elapsed * (1.0 - fraction) / fraction) + " left";
    m_time->setText(text);
}

void StatusBar::showState(TrainingController::State state) {
    using State = TrainingController::State;
    switch (state) {
        case State::Idle: break;  // the finished message stays
        case State::Preparing: m_state->setText("Loading and preparing the data…"); break;
        case State::Running: m_state->setText("Training"); break;
        case State::Paused: m_state->setText("Paused"); break;
        case State::Stopping: m_state->setText("Stopping…"); break;
    }
}

void StatusBar::showFinished(const RunSummary& summary) {
    m_ended = true;
    QString text = QString("Run %1 after %2 epochs: ")
                       .arg(QString::fromStdString(toString(summary.status)))
                       .arg(summary.epochs);
    if (summary.status == RunStatus::Diverged || summary.status == RunStatus::Failed) {
        m_state->setText(text +
                         QString::fromStdString(summary.message).section('\n', 0, 0).left(160));
        return;
    }
    text += QString("train %1 %, test %2 %")
                .arg(100.0 * summary.trainAcc, 0, 'f', 1)
                .arg(100.0 * summary.testAcc, 0, 'f', 1);
    if (summary.epochsToFit) text += QString(" · fitted at epoch %1").arg(*summary.epochsToFit);
    m_state->setText(text);
}

void StatusBar::showFailed(const QString& message) {
    if (m_ended) return;
    m_state->setText("Not run: " + message.section('\n', 0, 0).left(160));
}

void StatusBar::showReplay(const QString& text) { m_state->setText(text); }

QString StatusBar::epochText() const { return m_epoch->text(); }

QString StatusBar::stateText() const { return m_state->text(); }

}  // namespace shatter
