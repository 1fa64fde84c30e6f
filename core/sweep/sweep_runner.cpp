#include "sweep/sweep_runner.h"

#include <filesystem>

#include "run/run_writer.h"
#include "shatter_error.h"
#include "train/observer_fanout.h"
#include "train/run_preparation.h"
#include "train/trainer.h"
#include "util/text_format.h"

namespace shatter {

namespace {

}  // namespace

SweepRunner::SweepRunner(SweepPlan plan, std::string directory)
    : m_plan(std::move(plan)), m_directory(std::move(directory)) {}

void SweepRunner::cancel() {
    m_cancelled = true;
    std::lock_guard lock(m_currentMutex);
    if (Trainer* current = m_current.load()) current->requestStop();
}

void SweepRunner::cancelFromSignalHandler() {
    // The interrupted thread is the one that owns the trainer, so it cannot be destroyed meanwhile.
    m_cancelled = true;
    if (Trainer* current = m_current.load()) current->requestStop();
}

SweepRecord SweepRunner::run(SweepObserver& observer) {
    m_plan.validate();
    std::error_code ec;
    std::filesystem::create_directories(m_directory, ec);
    if (ec) throw RunStoreError(m_directory + ": cannot create the sweep folder (" + ec.message() + ")");

    SweepRecord record;
    if (SweepRecord::exists(m_directory)) {
        record = SweepRecord::load(m_directory);  // resume: keep what finished
    } else {
        record.createdAt = utcNow("%Y-%m-%dT%H:%M:%SZ");
    }
    record.plan = m_plan;
    record.save(m_directory);

    const Dataset dataset = RunPreparation::loadDataset(m_plan.base);
    const std::vector<RunConfig> points = m_plan.points();
    const int count = static_cast<int>(points.size());
    for (int index = 0; index < count && !m_cancelled; ++index) {
        const RunConfig& point = points[static_cast<std::size_t>(index)];
        const SweepRecord::Point* previous = record.find(point.name);
        if (previous != nullptr && previous->status == RunStatus::Finished) {
            observer.onPointSkipped(index, count, point.name);
            continue;
        }
        const CorruptedDataset data = RunPreparation::prepare(point, dataset);
        RunWriter writer(m_directory, point, data, dataset.name);
        const std::string relative = std::filesystem::path(writer.directory()).filename().string();
        std::erase_if(record.points, [&](const SweepRecord::Point& p) { return p.name == point.name; });
        record.points.push_back({point.name, relative, RunStatus::Running});
        record.save(m_directory);

        Trainer trainer(point, data);
        {
            std::lock_guard lock(m_currentMutex);
            m_current = &trainer;
            if (m_cancelled) trainer.requestStop();
        }
        observer.onPointStarted(index, count, point, writer.directory());
        ObserverFanout fanout;
        fanout.add(writer);
        fanout.add(observer);
        const RunSummary summary = trainer.run(fanout);
        {
            std::lock_guard lock(m_currentMutex);
            m_current = nullptr;
        }
        record.points.back().status = summary.status;
        record.save(m_directory);
        observer.onPointFinished(index, count, summary);
    }
    return record;
}

}  // namespace shatter
