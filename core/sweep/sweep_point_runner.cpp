#include "sweep/sweep_point_runner.h"

#include "run/run_writer.h"
#include "shatter_error.h"
#include "sweep/point_folder.h"
#include "sweep/sweep_record.h"
#include "train/observer_fanout.h"
#include "train/run_preparation.h"
#include "train/trainer.h"

namespace shatter {

SweepPointRunner::SweepPointRunner(std::string sweepDirectory, int index, int threads)
    : m_sweepDirectory(std::move(sweepDirectory)), m_index(index), m_threads(threads) {}

void SweepPointRunner::requestStop() {
    m_stopRequested = true;
    if (Trainer* trainer = m_trainer.load()) trainer->requestStop();
}

RunSummary SweepPointRunner::run(TrainingObserver& observer) {
    const SweepRecord record = SweepRecord::load(m_sweepDirectory);
    const std::vector<RunConfig> points = record.plan.points();
    if (m_index < 0 || m_index >= static_cast<int>(points.size())) {
        throw ConfigError("sweep-point: index " + std::to_string(m_index) +
                          " is outside the sweep's " + std::to_string(points.size()) +
                          " points (0.." + std::to_string(points.size() - 1) + ")");
    }
    RunConfig point = points[static_cast<std::size_t>(m_index)];
    if (m_threads > 0) point.threads = m_threads;

    const PointFolder folder(m_sweepDirectory, point.name);
    m_runDirectory = folder.path();
    const Dataset dataset = RunPreparation::loadDataset(point);
    const CorruptedDataset data = RunPreparation::prepare(point, dataset);
    if (!folder.claim()) {
        throw RunStoreError(
            folder.path() + ": already exists; another task has run or is running point " +
            std::to_string(m_index) + " (a resubmission retires unfinished runs first)");
    }
    RunWriter writer(RunWriter::ExistingFolder{}, folder.path(), point, data, dataset.name);
    ObserverFanout observers;
    observers.add(writer);
    observers.add(observer);

    Trainer trainer(point, data);
    m_trainer = &trainer;
    if (m_stopRequested) trainer.requestStop();
    const RunSummary summary = trainer.run(observers);
    m_trainer = nullptr;
    return summary;
}

}  // namespace shatter
