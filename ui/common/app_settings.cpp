#include "common/app_settings.h"

namespace shatter {

namespace {

QString datasetFolderKey(const QString& kind) { return QStringLiteral("folders/") + kind; }

}  // namespace

const Setting<QByteArray> AppSettings::windowGeometry{"window/geometry", {}};
const Setting<QByteArray> AppSettings::windowState{"window/state", {}};
const Setting<int> AppSettings::currentView{"window/view", 0};
const Setting<QString> AppSettings::experimentConfig{"experiment/config", {}};
const Setting<QString> AppSettings::experimentPreset{"experiment/preset", {}};
const Setting<QString> AppSettings::demoPace{"transport/pace", QStringLiteral("fast")};
const Setting<double> AppSettings::replaySpeed{"replay/speed", 1.0};
const Setting<QStringList> AppSettings::extraRunFolders{"library/folders", {}};
const Setting<QStringList> AppSettings::tickedRuns{"library/ticked", {}};
const Setting<QString> AppSettings::compareMetric{"compare/metric", QStringLiteral("train_acc")};
const Setting<bool> AppSettings::compareOnlyDiffering{"compare/onlyDiffering", false};
const Setting<bool> AppSettings::presentationMode{"appearance/presentation", false};
const Setting<bool> AppSettings::darkPlots{"appearance/dark", false};
const Setting<QString> AppSettings::sweepExecutor{"sweep/executor", QStringLiteral("local")};
const Setting<int> AppSettings::sweepProcesses{"sweep/processes", 2};
const Setting<QString> AppSettings::slurmFolder{"slurm/folder", {}};
const Setting<QString> AppSettings::slurmPartition{"slurm/partition", {}};
const Setting<QString> AppSettings::slurmTimeLimit{"slurm/time", {}};
const Setting<int> AppSettings::slurmCpusPerTask{"slurm/cpusPerTask", 1};
const Setting<QString> AppSettings::slurmGres{"slurm/gres", {}};
const Setting<int> AppSettings::slurmMaxParallel{"slurm/maxParallel", 0};
const Setting<QString> AppSettings::slurmExtraArguments{"slurm/extraArguments", {}};

QString AppSettings::datasetFolder(const QString& kind) {
    return QSettings().value(datasetFolderKey(kind)).toString();
}

void AppSettings::setDatasetFolder(const QString& kind, const QString& folder) {
    QSettings().setValue(datasetFolderKey(kind), folder);
}

}  // namespace shatter
