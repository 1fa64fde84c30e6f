#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <memory>

#include "live/training_types.h"
#include "replay/recorded_run.h"
#include "replay/replay_clock.h"

class QTimer;

namespace shatter {

// Plays a stored run back without training: loads its folder (RecordedRun), then hands its
// epochs out as a TrainingController hands out a run's, at the pace of a ReplayClock (1×: the
// pace it was trained at; see ReplayTimeline), with pause, speed and a position that moves
// either way. Moving back starts the run over (rewound) and hands out the epochs up to the new
// position at once. The run's images are drawn again from its settings (dataset and seed) on a
// pool thread, for the gallery. The wall clock can be replaced, so tests move it by hand and
// call advance().
class RunReplay : public QObject {
    Q_OBJECT

public:
    // Seconds from any fixed origin.
    using WallClock = std::function<double()>;

    explicit RunReplay(QObject* parent = nullptr);
    ~RunReplay() override;

    // Best set before load(): the position carries over only to whole epochs.
    void setWallClock(WallClock clock);

    // Replaces whatever was replayed by the run in `directory`, shown at epoch 0 and paused;
    // false, with the file and the problem in `error`, when it cannot be read (nothing changes).
    bool load(const QString& directory, QString* error);
    // Ends the replay; the charts keep what they show.
    void close();

    bool isActive() const { return m_active; }
    bool isPlaying() const { return m_clock.isPlaying(); }
    double speed() const { return m_clock.speed(); }
    // The epochs shown so far, and the epochs the replay ends with.
    int epoch() const { return m_shown; }
    int epochCount() const { return m_run.epochCount(); }
    QString directory() const { return m_directory; }
    // The run's name as RUNS lists it.
    QString title() const { return m_title; }
    const RecordedRun& run() const { return m_run; }
    // The 1× time line the clock runs on.
    const ReplayTimeline& timeline() const { return m_clock.timeline(); }
    // Wall seconds until the end at the current speed.
    double secondsLeft() const;

    void play();
    void pause();
    void setPlaying(bool playing);
    void togglePlaying();
    // One of ReplayClock::speeds(), or any positive factor.
    void setSpeed(double speed);
    void faster();
    void slower();
    // Shows the run at the end of `epoch` (0..epochCount), moving back or on.
    void seek(int epoch);
    void step(int epochs);

    // Brings the shown epochs up to the clock; the timer calls it while playing.
    void advance();

Q_SIGNALS:
    void activeChanged(bool active);
    // A run to replay was loaded: `epochs` will be shown.
    void begun(int epochs);
    void started(const shatter::RunStart& start);
    void rewound();
    void epochReplayed(const shatter::EpochReport& report);
    // The replay reached the last epoch; the run's own summary.
    void finished(const shatter::RunSummary& summary);
    // Playing, paused, the speed or the position changed.
    void changed();
    // The run's training images, drawn again from its settings.
    void dataPrepared(const shatter::SharedCorruptedDataset& data);
    void dataUnavailable(const QString& reason);

private:
    double now() const;
    void showUpTo(int epoch);
    void updateTimer();
    void prepareImages();
    void deliverImages(int generation, SharedCorruptedDataset data, const QString& error);

    WallClock m_wallClock;
    QTimer* m_timer;
    RecordedRun m_run;
    ReplayClock m_clock;
    QString m_directory;
    QString m_title;
    bool m_active = false;
    bool m_endReported = false;
    int m_shown = 0;
    int m_generation = 0;  // of the loaded run; images of an earlier one are dropped
};

}  // namespace shatter
