#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "common/setting.h"

namespace shatter {

// Every setting Shatter keeps between launches, typed, with its key and default in one place.
// The keys are those earlier versions wrote, so existing settings still load.
class AppSettings {
public:
    // The main window.
    static const Setting<QByteArray> windowGeometry;
    static const Setting<QByteArray> windowState;  // where the docked panels are, shown or hidden
    static const Setting<int> currentView;  // index of the view tab
    // The experiment panel.
    static const Setting<QString> experimentConfig;  // RunConfig as JSON
    static const Setting<QString> experimentPreset;  // empty: custom settings
    // The transport bar.
    static const Setting<QString> demoPace;  // EpochPace::key(): "fast", "1/s", "30s", ...
    // Replaying a stored run.
    static const Setting<double> replaySpeed;  // one of ReplayClock::speeds(): 1, 2, 5, 10, 50
    // The RUNS column.
    static const Setting<QStringList> extraRunFolders;  // folders added to the library
    static const Setting<QStringList> tickedRuns;       // run folders ticked for comparison
    // The Compare tab.
    static const Setting<QString> compareMetric;  // a metrics.csv column
    static const Setting<bool> compareOnlyDiffering;
    // Plot appearance.
    static const Setting<bool> presentationMode;
    static const Setting<bool> darkPlots;
    // Where the Sweep… dialog runs a sweep, and its Slurm settings.
    static const Setting<QString> sweepExecutor;  // "local", "processes" or "slurm"
    static const Setting<int> sweepProcesses;     // worker processes for "processes"
    static const Setting<QString> slurmFolder;    // shared folder the sweep folders go into
    static const Setting<QString> slurmPartition;
    static const Setting<QString> slurmTimeLimit;
    static const Setting<int> slurmCpusPerTask;
    static const Setting<QString> slurmGres;
    static const Setting<int> slurmMaxParallel;         // 0: no limit
    static const Setting<QString> slurmExtraArguments;  // more sbatch arguments, space-separated

    // The dataset folder last chosen for a kind of dataset ("cifar10", "image-folder", ...);
    // empty when none.
    static QString datasetFolder(const QString& kind);
    static void setDatasetFolder(const QString& kind, const QString& folder);
};

}  // namespace shatter
