#include "sweep/process_sweep_runner.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <filesystem>
#include <thread>

#include "process/child_process.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "sweep/point_folder.h"
#include "sweep/point_sweep.h"

namespace shatter {

namespace fs = std::filesystem;

namespace {

struct Worker {
    int index;
    ChildProcess process;
};

RunSummary summaryOf(const std::string& directory, int exitCode) {
    try {
        return RunReader::load(directory).summary;
    } catch (const ShatterError& error) {
        RunSummary summary;
        summary.status = RunStatus::Failed;
        summary.message = "worker exited with " + std::to_string(exitCode) + ": " + error.what();
        return summary;
    }
}

}  // namespace

ProcessSweepRunner::ProcessSweepRunner(SweepPlan plan, std::string directory, int processes,
                                       std::string shatterCli)
    : m_plan(std::move(plan)),
      m_directory(PointSweep::absolute(directory)),
      m_processes(std::max(1, processes)),
      m_shatterCli(std::move(shatterCli)) {}

int ProcessSweepRunner::threadsPerWorker(int threads, int processes) {
    const int total =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, total / std::max(1, processes));
}

SweepRecord ProcessSweepRunner::run(SweepObserver& observer) {
    SweepRecord record = PointSweep::open(m_plan, m_directory, SweepExecutor::Processes);
    const std::vector<RunConfig> points = record.plan.points();
    const int count = static_cast<int>(points.size());
    const SweepStatus status = SweepStatus::fromFolders(m_directory, record);
    const std::vector<int> todo = status.toResubmit();
    for (const SweepStatus::Point& point : status.points) {
        if (point.state == PointState::Finished)
            observer.onPointSkipped(point.index, count, point.name);
    }
    PointSweep::retireUnfinished(m_directory, status, todo);
    std::error_code ec;
    fs::create_directories(fs::path(m_directory) / kLogFolder, ec);
    if (ec)
        throw RunStoreError(m_directory + "/" + kLogFolder + ": cannot create (" + ec.message() +
                            ")");

    const std::string threads = std::to_string(threadsPerWorker(m_plan.base.threads, m_processes));
    std::deque<int> queue(todo.begin(), todo.end());
    std::vector<Worker> running;
    bool stopSent = false;
    while (!running.empty() || (!queue.empty() && !m_cancelled)) {
        while (!m_cancelled && !queue.empty() && static_cast<int>(running.size()) < m_processes) {
            const int index = queue.front();
            queue.pop_front();
            const RunConfig& point = points[static_cast<std::size_t>(index)];
            const std::string log =
                (fs::path(m_directory) / kLogFolder / (point.name + ".log")).string();
            running.push_back(
                {index, ChildProcess::start({m_shatterCli, "sweep-point", m_directory, "--index",
                                             std::to_string(index), "--threads", threads},
                                            log)});
            observer.onPointStarted(index, count, point,
                                    PointFolder(m_directory, point.name).path());
        }
        if (m_cancelled && !stopSent) {
            for (const Worker& worker : running) worker.process.terminate();
            stopSent = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        for (auto worker = running.begin(); worker != running.end();) {
            const std::optional<int> exitCode = worker->process.poll();
            if (!exitCode) {
                ++worker;
                continue;
            }
            const RunConfig& point = points[static_cast<std::size_t>(worker->index)];
            const RunSummary summary =
                summaryOf(PointFolder(m_directory, point.name).path(), *exitCode);
            const int index = worker->index;
            worker = running.erase(worker);
            PointSweep::refreshRecord(m_directory, record);
            observer.onPointFinished(index, count, summary);
        }
    }
    PointSweep::refreshRecord(m_directory, record);
    return record;
}

}  // namespace shatter
