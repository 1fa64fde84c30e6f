#include "paper/table1_runner.h"

#include <filesystem>

#include "pipeline/run_pipeline.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "train/run_preparation.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

std::vector<RunRecord> readableRuns(const std::string& directory) {
    std::vector<RunRecord> runs;
    std::error_code ec;
    if (!fs::is_directory(directory, ec)) return runs;
    for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec)) {
        if (!entry.is_directory() || !fs::exists(entry.path() / "config.json")) continue;
        try {
            runs.push_back(RunReader::load(entry.path().string()));
        } catch (const ShatterError&) {
            // An unreadable folder is not a finished row: it runs again.
        }
    }
    return runs;
}

bool alreadyDone(const std::vector<RunRecord>& runs, const RunConfig& config) {
    for (const RunRecord& run : runs) {
        if (run.config.name == config.name && run.config.trainSize == config.trainSize &&
            run.config.epochs == config.epochs && run.config.dataset == config.dataset &&
            run.summary.status == RunStatus::Finished) {
            return true;
        }
    }
    return false;
}

// Forwards one row's run to the table's observer.
class RowReporter : public RunObserver {
public:
    RowReporter(SweepObserver& observer, int index, int count, const RunConfig& config)
        : m_observer(observer), m_index(index), m_count(count), m_config(config) {}
    void onRunDirectory(const std::string& directory) override {
        m_observer.onPointStarted(m_index, m_count, m_config, directory);
    }
    void onStarted(const RunStart& start) override { m_observer.onStarted(start); }
    void onProgress(const BatchProgress& progress) override { m_observer.onProgress(progress); }
    void onEpoch(const EpochReport& report) override { m_observer.onEpoch(report); }
    void onFinished(const RunSummary& summary) override { m_observer.onFinished(summary); }

private:
    SweepObserver& m_observer;
    int m_index;
    int m_count;
    const RunConfig& m_config;
};

}  // namespace

Table1Runner::Table1Runner(Plan plan, std::string directory)
    : m_plan(std::move(plan)), m_directory(std::move(directory)) {}

std::vector<RunConfig> Table1Runner::configs() const {
    std::vector<std::string> keys = m_plan.rows;
    if (keys.empty()) {
        for (const PaperRow& row : PaperTable::rows()) keys.push_back(row.key);
    }
    std::vector<RunConfig> configs;
    for (const std::string& key : keys) {
        const PaperRow* row = PaperTable::find(key);
        if (row == nullptr) {
            std::string valid;
            for (const PaperRow& r : PaperTable::rows())
                valid += (valid.empty() ? "" : ", ") + r.key;
            throw ConfigError("unknown Table 1 row '" + key + "'; rows: " + valid);
        }
        RunConfig config =
            PaperTable::configFor(*row, m_plan.dataset, m_plan.trainSize, m_plan.epochs);
        config.threads = m_plan.threads;
        config.validate();
        configs.push_back(config);
    }
    return configs;
}

void Table1Runner::run(SweepObserver& observer) {
    const std::vector<RunConfig> rows = configs();
    std::error_code ec;
    fs::create_directories(m_directory, ec);
    if (ec) throw RunStoreError(m_directory + ": cannot create the folder (" + ec.message() + ")");
    const std::vector<RunRecord> existing = readableRuns(m_directory);
    std::shared_ptr<const Dataset> dataset;
    const int count = static_cast<int>(rows.size());
    for (int index = 0; index < count && !m_cancelled; ++index) {
        const RunConfig& config = rows[static_cast<std::size_t>(index)];
        if (alreadyDone(existing, config)) {
            observer.onPointSkipped(index, count, config.name);
            continue;
        }
        if (!dataset)
            dataset = std::make_shared<const Dataset>(RunPreparation::loadDataset(config));
        RunPipeline pipeline(config, m_directory);
        pipeline.setDatasetLoader([&dataset](const std::string&) { return dataset; });
        RowReporter reporter(observer, index, count, config);
        // cancel() reaches the pipeline only while it runs.
        struct Current {
            Table1Runner& runner;
            Current(Table1Runner& r, RunPipeline& running) : runner(r) {
                std::lock_guard lock(runner.m_currentMutex);
                runner.m_current = &running;
            }
            ~Current() {
                std::lock_guard lock(runner.m_currentMutex);
                runner.m_current = nullptr;
            }
        } current(*this, pipeline);
        if (m_cancelled) pipeline.requestStop();
        observer.onPointFinished(index, count, pipeline.run(reporter));
    }
}

void Table1Runner::cancel() {
    m_cancelled = true;
    std::lock_guard lock(m_currentMutex);
    if (RunPipeline* current = m_current.load()) current->requestStop();
}

void Table1Runner::cancelFromSignalHandler() {
    m_cancelled = true;
    if (RunPipeline* current = m_current.load()) current->requestStopFromSignalHandler();
}

std::vector<PaperComparisonRow> Table1Runner::compareFolder(const std::string& directory) {
    return PaperComparison::compare(readableRuns(directory));
}

}  // namespace shatter
