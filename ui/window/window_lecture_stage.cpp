#include "window/window_lecture_stage.h"

#include <QTabWidget>

#include "experiment/experiment_panel.h"
#include "figures/figure1_view.h"
#include "run/run_library.h"
#include "run/run_matcher.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "runs/compare_view.h"
#include "runs/run_list_panel.h"
#include "sweep/sweep_controller.h"
#include "theory/expressivity_view.h"
#include "theory/theory_outcomes.h"
#include "theory/theory_record.h"
#include "theory/theory_view.h"
#include "window/main_window.h"

namespace shatter {

WindowLectureStage::WindowLectureStage(MainWindow* window, ShowRunAtEnd showRunAtEnd)
    : m_window(window), m_showRunAtEnd(std::move(showRunAtEnd)) {}

std::vector<RunEntry> WindowLectureStage::libraryRuns() const {
    // Read from disk, not from the RUNS list, which may not have seen a run that just ended.
    std::vector<std::string> roots = {m_window->runList()->runsRoot().toStdString()};
    for (const QString& folder : m_window->runList()->extraFolders()) roots.push_back(folder.toStdString());
    return RunLibrary::scan(roots);
}

bool WindowLectureStage::isBusy() const {
    return m_window->controller()->isActive() || m_window->sweepController()->isActive();
}

void WindowLectureStage::stopWork() {
    m_window->controller()->stop();
    m_window->sweepController()->cancel();
}

void WindowLectureStage::showSettings(const RunConfig& config) { m_window->experimentPanel()->setConfig(config); }

bool WindowLectureStage::showRunAtEnd(const QString& runDirectory, QString* error) {
    return m_showRunAtEnd(runDirectory, error);
}

void WindowLectureStage::trainRun(const RunConfig& config, const std::optional<EpochPace>& pace) {
    showSettings(config);
    if (pace) m_window->setPace(*pace);
    m_window->startRun();
}

void WindowLectureStage::compareRuns(const QStringList& runDirectories) {
    RunListPanel* runs = m_window->runList();
    runs->refresh();
    runs->setTicked(runDirectories);
    m_window->compareView()->setMetric("train_acc");
    m_window->viewTabs()->setCurrentWidget(m_window->compareView());
}

bool WindowLectureStage::showFigure1(const QStringList& runDirectories, QString* error) {
    if (!m_window->figure1View()->loadFolders(runDirectories, error)) return false;
    m_window->viewTabs()->setCurrentWidget(m_window->figure1View());
    return true;
}

void WindowLectureStage::startSweep(const SweepPlan& plan, const QString& directory) {
    showSettings(plan.base);
    m_window->sweepController()->start(plan, directory.isEmpty() ? SweepController::newSweepDirectory() : directory);
}

void WindowLectureStage::showTheory(const RunConfig& config) {
    showSettings(config);
    TheoryView* theory = m_window->theoryView();
    m_window->viewTabs()->setCurrentWidget(theory);
    theory->views()->setCurrentWidget(theory->expressivityView());
    theory->refresh();
    // Built already on these settings (the step seen before): shown as it is, no new folder.
    if (const auto shown = theory->expressivityView()->outcome()) {
        try {
            if (RunMatcher::sameRun(RunReader::load(shown->directory.toStdString()).config, config)) return;
        } catch (const ShatterError&) {
            // Its folder is gone: build again.
        }
    }
    // Built in an earlier session: drawn again from its seed, without filing the run twice.
    const std::vector<RunEntry> library = libraryRuns();
    if (const RunEntry* stored = RunMatcher::findTheory(config, TheoryRecord::kExpressivity, library)) {
        theory->expressivityView()->redraw(QString::fromStdString(stored->directory));
        return;
    }
    theory->expressivityView()->build();
}

}  // namespace shatter
