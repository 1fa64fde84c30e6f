#pragma once

#include <functional>

#include "lecture/lecture_stage.h"

namespace shatter {

class MainWindow;

// The main window as a lecture's stage: the experiment panel, Start, the RUNS list, the Compare,
// Figure 1 and Theory tabs and the sweep controller, reached through the window's public parts.
// Showing a stored run at its end is the one thing the window does for it privately: the
// window hands it in as `showRunAtEnd`.
class WindowLectureStage : public LectureStage {
public:
    using ShowRunAtEnd = std::function<bool(const QString& runDirectory, QString* error)>;

    WindowLectureStage(MainWindow* window, ShowRunAtEnd showRunAtEnd);

    std::vector<RunEntry> libraryRuns() const override;
    bool isBusy() const override;
    void stopWork() override;
    void showSettings(const RunConfig& config) override;
    bool showRunAtEnd(const QString& runDirectory, QString* error) override;
    void trainRun(const RunConfig& config, const std::optional<EpochPace>& pace) override;
    void compareRuns(const QStringList& runDirectories) override;
    bool showFigure1(const QStringList& runDirectories, QString* error) override;
    void startSweep(const SweepPlan& plan, const QString& directory) override;
    void showTheory(const RunConfig& config) override;

private:
    MainWindow* m_window;
    ShowRunAtEnd m_showRunAtEnd;
};

}  // namespace shatter
