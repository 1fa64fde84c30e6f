#pragma once

#include <QElapsedTimer>
#include <QStatusBar>

#include "live/training_controller.h"

class QLabel;

namespace shatter {

// The bottom line: device, epoch n/total, samples per second, elapsed time and time left.
class StatusBar : public QStatusBar {
    Q_OBJECT

public:
    explicit StatusBar(QWidget* parent = nullptr);

    void beginRun(int epochs);
    void showStart(const RunStart& start);
    void showProgress(const BatchProgress& progress);
    void showEpoch(const EpochReport& report);
    void showState(TrainingController::State state);
    // How the run ended: its numbers, or for a diverged or failed run why.
    void showFinished(const RunSummary& summary);
    // A run that could not start: the first line of why, in place of "Loading…". A run that
    // ended with a summary keeps the summary's line.
    void showFailed(const QString& message);
    // A stored run played back: which, how fast, where; in place of the training state.
    void showReplay(const QString& text);

    QString epochText() const;
    QString stateText() const;

private:
    void showTimes(double elapsed, double fraction);
    static QString clock(double seconds);

    int m_epochs = 0;
    bool m_ended = false;  // showFinished was called for the current run
    QLabel* m_device;
    QLabel* m_epoch;
    QLabel* m_speed;
    QLabel* m_time;
    QLabel* m_state;
};

}  // namespace shatter
