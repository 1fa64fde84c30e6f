#include "lecture/lecture_controller.h"

#include "lecture/lecture_stage.h"
#include "run/run_matcher.h"
#include "sweep/sweep_matcher.h"

namespace shatter {

LectureController::LectureController(LectureStage* stage, QObject* parent)
    : QObject(parent), m_stage(stage) {}

void LectureController::open(const Lecture& lecture) {
    if (lecture.steps.empty()) return;
    m_lecture = lecture;
    m_open = true;
    m_index = -1;
    Q_EMIT opened();
    goTo(0);
}

void LectureController::next() {
    if (m_open) goTo((m_pending >= 0 ? m_pending : m_index) + 1);
}

void LectureController::back() {
    if (m_open) goTo((m_pending >= 0 ? m_pending : m_index) - 1);
}

void LectureController::goTo(int index) {
    if (!m_open || index < 0 || index >= int(m_lecture.steps.size())) return;
    m_training = false;
    m_shown.clear();
    if (m_stage->isBusy()) {
        // The step on screen was training: stop it first; stageIdle() enters the new one.
        m_pending = index;
        m_index = index;
        m_stage->stopWork();
        Q_EMIT stepChanged(index);
        setStatus("Stopping the run in progress…");
        return;
    }
    enter(index);
}

void LectureController::end() {
    if (!m_open) return;
    m_open = false;
    m_pending = -1;
    m_training = false;
    m_shown.clear();
    Q_EMIT ended();
}

void LectureController::stageIdle() {
    if (!m_open || m_stage->isBusy()) return;
    if (m_pending >= 0) {
        const int index = m_pending;
        m_pending = -1;
        enter(index);
    } else if (m_training) {
        showStep();  // shows what was trained, or trains what is still missing
    }
}

void LectureController::enter(int index) {
    m_index = index;
    m_attempted.clear();
    Q_EMIT stepChanged(index);
    showStep();
}

void LectureController::showStep() {
    const LectureStep& step = m_lecture.steps[std::size_t(m_index)];
    m_training = false;
    m_shown.clear();
    if (step.kind == LectureStep::Kind::Theory) {
        m_stage->showTheory(step.runs.front());
        setStatus("The 2n+d construction, on the Theory tab");
        return;
    }
    const std::vector<RunEntry> library = m_stage->libraryRuns();
    const std::vector<RunConfig> runs = step.trainedRuns();
    QStringList found;
    std::vector<std::size_t> missing;
    for (std::size_t i = 0; i < runs.size(); ++i) {
        if (const RunEntry* entry = RunMatcher::find(runs[i], library)) {
            found << QString::fromStdString(entry->directory);
        } else {
            missing.push_back(i);
        }
    }
    if (missing.empty()) {
        QString error;
        bool shown = true;
        if (step.kind == LectureStep::Kind::Run) {
            m_stage->showSettings(runs.front());
            shown = m_stage->showRunAtEnd(found.front(), &error);
            setStatus("From the library: the run as it ended");
        } else if (step.kind == LectureStep::Kind::Runs) {
            m_stage->compareRuns(found);
            setStatus(QString("From the library: %1 runs side by side").arg(found.size()));
        } else {
            // A whole sweep of these points is drawn from its folder, like the sweep it is.
            const QString sweep = QString::fromStdString(SweepMatcher::complete(step.sweep, library));
            shown = m_stage->showFigure1(sweep.isEmpty() ? found : QStringList{sweep}, &error);
            setStatus(QString("From the library: Figure 1 of %1 runs").arg(found.size()));
        }
        if (!shown) {
            setStatus("Could not show this step");
            Q_EMIT failed(error);
            return;
        }
        m_shown = found;
        return;
    }
    // Something is missing: train it, unless this visit already tried and it did not finish.
    for (std::size_t i : missing) {
        if (m_attempted.contains(i)) {
            setStatus("The run did not finish: press Back and Next to train it again");
            return;
        }
    }
    m_training = true;
    if (step.kind == LectureStep::Kind::Sweep) {
        for (std::size_t i : missing) m_attempted.insert(i);
        // A sweep of these points cancelled earlier goes on where it stopped.
        const QString resumed = QString::fromStdString(SweepMatcher::resumable(step.sweep, library));
        m_stage->startSweep(step.sweep, resumed);
        setStatus(QString("Training live: a sweep of %1 runs for Figure 1%2")
                      .arg(runs.size())
                      .arg(resumed.isEmpty() ? "" : ", resumed"));
        return;
    }
    const std::size_t first = missing.front();
    m_attempted.insert(first);
    m_stage->trainRun(runs[first], m_lecture.paceOf(std::size_t(m_index)));
    if (runs.size() == 1) {
        setStatus("Training live");
    } else {
        setStatus(QString("Training live: run %1 of %2").arg(first + 1).arg(runs.size()));
    }
}

void LectureController::setStatus(const QString& status) {
    m_status = status;
    Q_EMIT statusChanged(status);
}

}  // namespace shatter
