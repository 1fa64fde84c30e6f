#include "sweep/sweep_runner.h"

#include <filesystem>
#include <functional>

#include "pipeline/run_pipeline.h"
#include "shatter_error.h"
#include "train/run_preparation.h"
#include "util/text_format.h"

namespace shatter {

namespace {

// One point's run as the sweep sees it: the point is recorded once its run folder exists, and
// every trainer report goes on to the sweep's observer.
class PointReporter : public RunObserver {
public:
    PointReporter(SweepObserver& sweep, std::function<void(const std::string&)> runDirectoryCreated)
        : m_sweep(sweep), m_runDirectoryCreated(std::move(runDirectoryCreated)) {}

    void onDataPrepared(const std::shared_ptr<const CorruptedDataset>& data) override {
        m_sweep.onPointData(data);
    }
    void onRunDirectory(const std::string& directory) override { m_runDirectoryCreated(directory); }
    void onStarted(const RunStart& start) override { m_sweep.onStarted(start); }
    void onProgress(const BatchProgress& progress) override { m_sweep.onProgress(progress); }
    void onEpoch(const EpochReport& report) override { m_sweep.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_sweep.onFinished(summary); }

private:
    SweepObserver& m_sweep;
    std::function<void(const std::string&)> m_runDirectoryCreated;
};

}  // namespace

SweepRunner::SweepRunner(SweepPlan plan, std::string directory)
    : m_plan(std::move(plan)), m_directory(std::move(directory)) {}

void SweepRunner::cancel() {
    m_cancelled = true;
    std::lock_guard lock(m_currentMutex);
    if (RunPipeline* current = m_current.load()) current->requestStop();
}

void SweepRunner::cancelFromSignalHandler() {
    // The interrupted thread is the one that owns the pipeline, so it cannot be destroyed
    // meanwhile.
    m_cancelled = true;
    if (RunPipeline* current = m_current.load()) current->requestStopFromSignalHandler();
}

SweepRecord SweepRunner::run(SweepObserver& observer) {
    m_plan.validate();
    std::error_code ec;
    std::filesystem::create_directories(m_directory, ec);
    if (ec) throw RunStoreError(m_directory + ": cannot create the sweep folder (" + ec.message() + ")");

    SweepRecord record;
    if (SweepRecord::exists(m_directory)) {
        record = SweepRecord::load(m_directory);  // resume: keep what finished
        // and the level-0 rule it was planned with, so that its points stay the same
        m_plan.sharedBaseline = record.plan.sharedBaseline;
    } else {
        record.createdAt = utcNow("%Y-%m-%dT%H:%M:%SZ");
    }
    record.plan = m_plan;
    record.save(m_directory);

    const auto dataset = std::make_shared<const Dataset>(RunPreparation::loadDataset(m_plan.base));
    const std::vector<RunConfig> points = m_plan.points();
    const int count = static_cast<int>(points.size());
    for (int index = 0; index < count && !m_cancelled; ++index) {
        const RunConfig& point = points[static_cast<std::size_t>(index)];
        const SweepRecord::Point* previous = record.find(point.name);
        if (previous != nullptr && previous->status == RunStatus::Finished) {
            observer.onPointSkipped(index, count, point.name);
            continue;
        }
        RunPipeline pipeline(point, m_directory);
        pipeline.setDatasetLoader([&dataset](const std::string&) { return dataset; });
        PointReporter reporter(observer, [&](const std::string& runDirectory) {
            const std::string relative = std::filesystem::path(runDirectory).filename().string();
            std::erase_if(record.points,
                          [&](const SweepRecord::Point& p) { return p.name == point.name; });
            record.points.push_back({point.name, relative, RunStatus::Running});
            record.save(m_directory);
            observer.onPointStarted(index, count, point, runDirectory);
        });
        const RunSummary summary = runPoint(pipeline, reporter);
        record.points.back().status = summary.status;
        record.save(m_directory);
        observer.onPointFinished(index, count, summary);
    }
    return record;
}

RunSummary SweepRunner::runPoint(RunPipeline& pipeline, RunObserver& observer) {
    // cancel() reaches the pipeline only while it runs.
    struct Current {
        SweepRunner& runner;
        Current(SweepRunner& r, RunPipeline& pipeline) : runner(r) {
            {
                std::lock_guard lock(runner.m_currentMutex);
                runner.m_current = &pipeline;
            }
            if (runner.m_cancelled) pipeline.requestStop();
        }
        ~Current() {
            std::lock_guard lock(runner.m_currentMutex);
            runner.m_current = nullptr;
        }
    } current(*this, pipeline);
    return pipeline.run(observer);
}

}  // namespace shatter
