#include "figure/run_collector.h"

#include <algorithm>
#include <filesystem>

#include "run/run_reader.h"
#include "shatter_error.h"
#include "sweep/sweep_record.h"

namespace shatter {

namespace fs = std::filesystem;

namespace {

bool isRunFolder(const fs::path& folder) { return fs::exists(folder / "config.json"); }

void addRun(const fs::path& folder, RunCollector::Result& result) {
    try {
        result.runs.push_back(RunReader::load(folder.string()));
    } catch (const ShatterError& error) {
        result.skipped.push_back(error.what());
    }
}

void addSweep(const fs::path& folder, RunCollector::Result& result) {
    const SweepRecord record = SweepRecord::load(folder.string());
    for (const SweepRecord::Point& point : record.points) addRun(folder / point.directory, result);
}

}  // namespace

RunCollector::Result RunCollector::collect(const std::vector<std::string>& folders) {
    Result result;
    for (const std::string& name : folders) {
        const fs::path folder(name);
        std::error_code ec;
        if (!fs::is_directory(folder, ec)) throw RunStoreError(name + ": no such folder");
        const std::size_t before = result.runs.size();
        if (SweepRecord::exists(name)) {
            addSweep(folder, result);
        } else if (isRunFolder(folder)) {
            addRun(folder, result);
        } else {
            std::vector<fs::path> children;
            for (const fs::directory_entry& entry : fs::directory_iterator(folder, ec)) {
                if (entry.is_directory()) children.push_back(entry.path());
            }
            std::sort(children.begin(), children.end());
            for (const fs::path& child : children) {
                if (SweepRecord::exists(child.string())) addSweep(child, result);
                else if (isRunFolder(child)) addRun(child, result);
            }
        }
        if (result.runs.size() == before) {
            std::string why = name + ": holds no readable run folder (config.json and metrics.csv) or sweep.json";
            if (!result.skipped.empty()) why += "; " + result.skipped.back();
            throw RunStoreError(why);
        }
    }
    return result;
}

}  // namespace shatter
