#include "live/run_replay.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <cmath>
#include <exception>

#include "common/handed_over_call.h"
#include "run/run_library.h"
#include "train/run_preparation.h"

namespace shatter {

namespace {
constexpr int kTickMs = 40;  // 25 updates a second while playing
}  // namespace

RunReplay::RunReplay(QObject* parent) : QObject(parent), m_timer(new QTimer(this)) {
    registerTrainingMetaTypes();
    auto elapsed = std::make_shared<QElapsedTimer>();
    elapsed->start();
    m_wallClock = [elapsed]() { return double(elapsed->nsecsElapsed()) / 1e9; };
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(kTickMs);
    connect(m_timer, &QTimer::timeout, this, &RunReplay::advance);
}

RunReplay::~RunReplay() = default;

void RunReplay::setWallClock(WallClock clock) {
    const double position = m_clock.position(now());
    m_wallClock = std::move(clock);
    // The position carries over to the new clock, paused or playing.
    const bool playing = m_clock.isPlaying();
    m_clock.pause(now());
    m_clock.seek(m_clock.timeline().epochsBy(position), now());
    if (playing) m_clock.play(now());
}

double RunReplay::now() const { return m_wallClock(); }

bool RunReplay::load(const QString& directory, QString* error) {
    RecordedRun run;
    try {
        run = RecordedRun::load(directory.toStdString());
    } catch (const std::exception& e) {
        if (error) *error = "This run cannot be replayed: " + QString::fromStdString(e.what());
        return false;
    }
    const double speed = m_clock.speed();
    m_run = std::move(run);
    m_clock = ReplayClock(m_run.timeline());
    m_clock.setSpeed(speed, now());
    m_directory = directory;
    m_title = QString::fromStdString(RunLibrary::read(directory.toStdString()).displayName);
    m_shown = 0;
    m_endReported = false;
    ++m_generation;
    updateTimer();
    if (!m_active) {
        m_active = true;
        Q_EMIT activeChanged(true);
    }
    Q_EMIT begun(m_run.epochCount());
    Q_EMIT started(m_run.start());
    Q_EMIT changed();
    prepareImages();
    return true;
}

void RunReplay::close() {
    if (!m_active) return;
    m_clock.pause(now());
    m_active = false;
    ++m_generation;
    updateTimer();
    Q_EMIT activeChanged(false);
    Q_EMIT changed();
}

double RunReplay::secondsLeft() const { return m_clock.secondsLeft(now()); }

void RunReplay::play() {
    if (!m_active || m_clock.isPlaying()) return;
    m_clock.play(now());
    if (m_clock.epoch(now()) < m_shown) m_endReported = false;  // starting over from the end
    updateTimer();
    Q_EMIT changed();
    advance();
}

void RunReplay::pause() {
    if (!m_active || !m_clock.isPlaying()) return;
    advance();
    m_clock.pause(now());
    updateTimer();
    Q_EMIT changed();
}

void RunReplay::setPlaying(bool playing) { playing ? play() : pause(); }

void RunReplay::togglePlaying() { setPlaying(!m_clock.isPlaying()); }

void RunReplay::setSpeed(double speed) {
    if (!std::isfinite(speed) || speed <= 0.0 || speed == m_clock.speed()) return;
    m_clock.setSpeed(speed, now());
    Q_EMIT changed();
}

void RunReplay::faster() { setSpeed(ReplayClock::faster(m_clock.speed())); }

void RunReplay::slower() { setSpeed(ReplayClock::slower(m_clock.speed())); }

void RunReplay::seek(int epoch) {
    if (!m_active || epoch < 0 || epoch > m_run.epochCount()) return;
    m_clock.seek(epoch, now());
    if (epoch < m_run.epochCount()) m_endReported = false;
    showUpTo(epoch);
    Q_EMIT changed();
    advance();
}

void RunReplay::step(int epochs) {
    if (!m_active) return;
    const int target = m_shown + epochs;
    if (target < 0 || target > m_run.epochCount()) return;  // already at the first or last epoch
    seek(target);
}

void RunReplay::advance() {
    if (!m_active) return;
    const double at = now();
    showUpTo(m_clock.epoch(at));
    if (m_shown < m_run.epochCount()) return;
    if (m_clock.isPlaying()) {
        m_clock.pause(at);
        updateTimer();
        Q_EMIT changed();
    }
    if (!m_endReported) {
        m_endReported = true;
        Q_EMIT finished(m_run.summary());
    }
}

void RunReplay::showUpTo(int epoch) {
    if (epoch == m_shown) return;
    if (epoch < m_shown) {
        m_shown = 0;
        Q_EMIT rewound();
    }
    // Only the last of several epochs handed out at once needs its fitted-since epochs.
    for (int e = m_shown + 1; e <= epoch; ++e) {
        m_shown = e;
        Q_EMIT epochReplayed(m_run.report(e, e == epoch));
    }
    Q_EMIT changed();
}

void RunReplay::updateTimer() {
    if (m_active && m_clock.isPlaying()) {
        if (!m_timer->isActive()) m_timer->start();
    } else {
        m_timer->stop();
    }
}

void RunReplay::prepareImages() {
    const int generation = m_generation;
    const RunConfig config = m_run.record().config;
    const std::optional<ExampleRecords> examples = m_run.examples();
    QPointer<RunReplay> self(this);
    startOnPool([self, generation, config, examples]() {
        SharedCorruptedDataset data;
        QString error;
        try {
            auto prepared = std::make_shared<const CorruptedDataset>(
                RunPreparation::prepare(config, RunPreparation::loadDataset(config)));
            if (examples && (prepared->train.labels != examples->assignedLabels ||
                             prepared->trueLabels != examples->trueLabels)) {
                error = "its settings no longer draw the images and labels of its examples.bin";
            } else {
                data = prepared;
            }
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        postQueued(QCoreApplication::instance(), [self, generation, data, error]() {
            if (self) self->deliverImages(generation, data, error);
        });
    });
}

void RunReplay::deliverImages(int generation, SharedCorruptedDataset data, const QString& error) {
    if (generation != m_generation) return;
    if (data) {
        Q_EMIT dataPrepared(data);
    } else {
        Q_EMIT dataUnavailable("The images of this run could not be drawn again: " + error);
    }
}

}  // namespace shatter
