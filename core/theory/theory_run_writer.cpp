#include "theory/theory_run_writer.h"

#include <torch/version.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "run/run_writer.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

std::string methodName(const TheoryRecord& method) {
    return method.kind == TheoryRecord::kKernel ? method.kind + "-" + method.kernel : method.kind;
}

void writeSummary(const std::string& directory, const RunSummary& summary, const std::string& kind,
                  const nlohmann::json& theory) {
    nlohmann::json json = nlohmann::json::parse(RunWriter::summaryToJson(summary));
    json["kind"] = kind;
    if (!theory.is_null()) json["theory"] = theory;
    writeFileAtomically((fs::path(directory) / "summary.json").string(), json.dump(2) + "\n");
}

}  // namespace

std::string TheoryRunWriter::create(const std::string& root, const RunConfig& config,
                                    const TheoryData& data, const TheoryRecord& method,
                                    std::int64_t parameters, const std::string& device) {
    // The folder and display name say which construction ran: the config's model is not used.
    RunConfig named = config;
    if (named.name.empty()) {
        named.name = methodName(method) + "-" + corruptionModeKey(config.corruption);
        if (config.corruption != CorruptionMode::None) {
            named.name += "-" + std::to_string(static_cast<int>(std::lround(config.level * 100)));
        }
    }
    std::string directory;
    {
        RunWriter writer(root, named, data.data, data.datasetName);
        RunStart start;
        start.device = device + ", float64";
        start.libtorchVersion = TORCH_VERSION;
        start.parameters = parameters;
        start.trainableParameters = parameters;
        writer.onStarted(start);
        directory = writer.directory();
    }
    const std::string configPath = (fs::path(directory) / "config.json").string();
    nlohmann::json json = nlohmann::json::parse(readWholeFile(configPath));
    json["run"]["kind"] = method.kind;
    json["run"]["method"] = method.methodJson();
    writeFileAtomically(configPath, json.dump(2) + "\n");
    return directory;
}

void TheoryRunWriter::finish(const std::string& directory, const TheoryRecord& record,
                             std::int64_t parameters) {
    RunSummary summary;
    summary.status = RunStatus::Finished;
    summary.trainAcc = record.trainAcc;
    summary.testAcc = record.testAcc;
    summary.gap = record.trainAcc - record.testAcc;
    summary.samplesPerSecond = NAN;
    summary.parameters = parameters;
    writeSummary(directory, summary, record.kind, record.toJson());
}

void TheoryRunWriter::fail(const std::string& directory, const std::string& kind,
                           const std::string& message) {
    RunSummary summary;
    summary.status = RunStatus::Failed;
    summary.trainAcc = summary.testAcc = summary.gap = summary.samplesPerSecond = NAN;
    summary.message = message;
    writeSummary(directory, summary, kind, nullptr);
}

}  // namespace shatter
