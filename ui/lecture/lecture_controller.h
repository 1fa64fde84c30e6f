#pragma once

#include <set>

#include <QObject>
#include <QString>
#include <QStringList>

#include "lecture/lecture.h"

namespace shatter {

class LectureStage;

// Walks a lecture step by step on a LectureStage. Entering a step shows what the library
// already holds at once (a run at its end, runs side by side, Figure 1 of a sweep, the Theory
// tab) and trains what it lacks live: a missing run as the Start button would, missing runs one
// after another, a missing Figure 1 as a sweep. Leaving a step stops what it was training
// (its finished epochs stay saved) before the next step begins.
class LectureController : public QObject {
    Q_OBJECT

public:
    explicit LectureController(LectureStage* stage, QObject* parent = nullptr);

    void open(const Lecture& lecture);
    bool isOpen() const { return m_open; }
    const Lecture& lecture() const { return m_lecture; }
    // 0-based; -1 while no lecture is open.
    int currentStep() const { return m_open ? m_index : -1; }
    // The step the next steps go to once the stage is idle; -1 when none is waiting.
    int pendingStep() const { return m_pending; }

    void next();
    void back();
    void goTo(int index);
    void end();

    // The run folders the current step shows from the library (empty while it trains).
    QStringList shownRuns() const { return m_shown; }
    // Whether the current step is training what the library lacks.
    bool isTraining() const { return m_training; }
    // One line on what the step shows: "From the library: …", "Training live: run 1 of 3".
    QString status() const { return m_status; }

    // The stage finished (or stopped) a run or a sweep: a step waiting for it begins, a step
    // that was training carries on with what it still lacks.
    void stageIdle();

Q_SIGNALS:
    void opened();
    void stepChanged(int index);
    void statusChanged(const QString& status);
    void ended();
    // A step could not be shown; the lecture stays open.
    void failed(const QString& message);

private:
    void enter(int index);
    void showStep();
    void setStatus(const QString& status);

    LectureStage* m_stage;
    Lecture m_lecture;
    bool m_open = false;
    int m_index = 0;
    int m_pending = -1;
    bool m_training = false;
    // Runs this visit of the step has started (by their index in trainedRuns()): a run that
    // ended without finishing is not started again until the step is entered anew.
    std::set<std::size_t> m_attempted;
    QStringList m_shown;
    QString m_status;
};

}  // namespace shatter
