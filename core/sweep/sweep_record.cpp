#include "sweep/sweep_record.h"

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

std::string filePath(const std::string& directory) {
    return (std::filesystem::path(directory) / SweepRecord::kFileName).string();
}

RunStatus statusOf(const std::string& name, const std::string& path) {
    const std::optional<RunStatus> status = runStatusFromString(name);
    if (!status) throw RunStoreError(path + ": unknown run status \"" + name + "\"");
    return *status;
}

}  // namespace

void SweepRecord::save(const std::string& sweepDirectory) const {
    nlohmann::json json;
    json["created_at"] = createdAt;
    json["base"] = plan.base.toJson();
    json["models"] = plan.models;
    std::vector<std::string> modeKeys;
    for (CorruptionMode mode : plan.modes) modeKeys.push_back(corruptionModeKey(mode));
    json["modes"] = modeKeys;
    json["levels"] = plan.levels;
    json["shared_baseline"] = plan.sharedBaseline;
    json["runs"] = nlohmann::json::array();
    for (const Point& point : points) {
        json["runs"].push_back({{"name", point.name},
                                {"directory", point.directory},
                                {"status", toString(point.status)}});
    }
    json["executor"] = toString(executor);
    if (!slurmJobs.empty()) {
        json["slurm_jobs"] = nlohmann::json::array();
        for (const SlurmJob& job : slurmJobs) {
            json["slurm_jobs"].push_back(
                {{"job_id", job.id}, {"indices", job.indices}, {"submitted_at", job.submittedAt}});
        }
    }
    writeFileAtomically(filePath(sweepDirectory), json.dump(2) + "\n");
}

bool SweepRecord::exists(const std::string& sweepDirectory) {
    std::error_code ec;
    return std::filesystem::is_regular_file(filePath(sweepDirectory), ec);
}

SweepRecord SweepRecord::load(const std::string& sweepDirectory) {
    const std::string path = filePath(sweepDirectory);
    SweepRecord record;
    try {
        const nlohmann::json json = nlohmann::json::parse(readWholeFile(path));
        record.createdAt = json.value("created_at", "");
        record.plan.base.mergeJson(json.at("base"), path);
        record.plan.models = json.at("models").get<std::vector<std::string>>();
        record.plan.modes.clear();
        for (const std::string& key : json.at("modes").get<std::vector<std::string>>()) {
            record.plan.modes.push_back(parseCorruptionMode(key));
        }
        record.plan.levels = json.at("levels").get<std::vector<double>>();
        // Sweeps written before the shared baseline ran level 0 once per mode.
        record.plan.sharedBaseline = json.value("shared_baseline", false);
        for (const nlohmann::json& run : json.at("runs")) {
            record.points.push_back({run.at("name").get<std::string>(),
                                     run.at("directory").get<std::string>(),
                                     statusOf(run.at("status").get<std::string>(), path)});
        }
        const std::string executor = json.value("executor", "local");
        const std::optional<SweepExecutor> parsed = sweepExecutorFromString(executor);
        if (!parsed) throw RunStoreError(path + ": unknown executor \"" + executor + "\"");
        record.executor = *parsed;
        if (json.contains("slurm_jobs")) {
            for (const nlohmann::json& job : json.at("slurm_jobs")) {
                record.slurmJobs.push_back({job.at("job_id").get<std::string>(),
                                            job.at("indices").get<std::vector<int>>(),
                                            job.value("submitted_at", "")});
            }
        }
    } catch (const nlohmann::json::exception& error) {
        throw RunStoreError(path + ": malformed sweep file (" + error.what() + ")");
    } catch (const ConfigError& error) {
        throw RunStoreError(error.what());
    }
    return record;
}

const SlurmJob* SweepRecord::lastJobFor(int index) const {
    for (auto job = slurmJobs.rbegin(); job != slurmJobs.rend(); ++job) {
        if (std::find(job->indices.begin(), job->indices.end(), index) != job->indices.end())
            return &*job;
    }
    return nullptr;
}

const SweepRecord::Point* SweepRecord::find(const std::string& name) const {
    for (const Point& point : points) {
        if (point.name == name) return &point;
    }
    return nullptr;
}

}  // namespace shatter
