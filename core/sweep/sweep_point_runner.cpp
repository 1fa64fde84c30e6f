#include "sweep/sweep_point_runner.h"

#include "pipeline/run_pipeline.h"
#include "shatter_error.h"
#include "sweep/point_folder.h"
#include "sweep/sweep_record.h"

namespace shatter {

namespace {

// Passes the trainer's reports on; the pipeline's own steps need no reply here.
class PointObserver : public RunObserver {
public:
    explicit PointObserver(TrainingObserver& observer) : m_observer(observer) {}
    void onStarted(const RunStart& start) override { m_observer.onStarted(start); }
    void onProgress(const BatchProgress& progress) override { m_observer.onProgress(progress); }
    void onEpoch(const EpochReport& report) override { m_observer.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_observer.onFinished(summary); }

private:
    TrainingObserver& m_observer;
};

}  // namespace

SweepPointRunner::SweepPointRunner(std::string sweepDirectory, int index, int threads)
    : m_sweepDirectory(std::move(sweepDirectory)), m_index(index), m_threads(threads) {}

void SweepPointRunner::requestStop() {
    m_stopRequested = true;
    if (RunPipeline* pipeline = m_pipeline.load()) pipeline->requestStopFromSignalHandler();
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
    point.validate();

    const PointFolder folder(m_sweepDirectory, point.name);
    m_runDirectory = folder.path();
    if (!folder.claim()) {
        throw RunStoreError(
            folder.path() + ": already exists; another task has run or is running point " +
            std::to_string(m_index) + " (a resubmission retires unfinished runs first)");
    }
    RunPipeline pipeline(point, m_sweepDirectory);
    pipeline.setRunDirectory(folder.path());
    PointObserver reporter(observer);
    m_pipeline = &pipeline;
    if (m_stopRequested) pipeline.requestStopFromSignalHandler();
    const RunSummary summary = pipeline.run(reporter);
    m_pipeline = nullptr;
    return summary;
}

}  // namespace shatter
