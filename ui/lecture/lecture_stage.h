#pragma once

#include <optional>
#include <vector>

#include <QString>
#include <QStringList>

#include "run/run_entry.h"
#include "sweep/sweep_plan.h"
#include "train/epoch_pace.h"
#include "train/run_config.h"

namespace shatter {

// What a lecture asks of the window it runs in (LectureController drives it; the main window
// implements it). Each call shows one thing and returns at once; training and sweeps run on,
// and the window tells the controller when it is idle again (LectureController::stageIdle).
class LectureStage {
public:
    virtual ~LectureStage() = default;

    // The runs of the library as they are on disk now, newest first.
    virtual std::vector<RunEntry> libraryRuns() const = 0;
    // A run or a sweep is in progress.
    virtual bool isBusy() const = 0;
    // Stops the run or sweep in progress; its finished epochs stay saved.
    virtual void stopWork() = 0;
    // Fills the experiment panel with the settings a step shows, so that they can be read there.
    virtual void showSettings(const RunConfig& config) = 0;
    // Shows a stored run at its end: its final curves and gallery, at once, without training.
    // False, with the reason, when the folder cannot be shown.
    virtual bool showRunAtEnd(const QString& runDirectory, QString* error) = 0;
    // Fills the experiment panel with `config` and starts it as the Start button does, at
    // `pace` when given.
    virtual void trainRun(const RunConfig& config, const std::optional<EpochPace>& pace) = 0;
    // Shows these runs together (the Compare tab, only they ticked).
    virtual void compareRuns(const QStringList& runDirectories) = 0;
    // Figure 1 of these runs; false, with the reason, when they do not load.
    virtual bool showFigure1(const QStringList& runDirectories, QString* error) = 0;
    // Runs the sweep into `directory` (resuming it) or, when empty, into a new sweep folder.
    virtual void startSweep(const SweepPlan& plan, const QString& directory) = 0;
    // The Theory tab: the 2n+d construction on `config`'s data and labels.
    virtual void showTheory(const RunConfig& config) = 0;
};

}  // namespace shatter
