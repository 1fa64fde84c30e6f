#include "sweep/point_folder.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "shatter_error.h"
#include "util/atomic_file.h"
#include "util/text_format.h"

namespace shatter {

namespace fs = std::filesystem;

PointFolder::PointFolder(std::string sweepDirectory, std::string pointName)
    : m_sweepDirectory(std::move(sweepDirectory)),
      m_pointName(std::move(pointName)),
      m_path((fs::path(m_sweepDirectory) / m_pointName).string()) {}

bool PointFolder::exists() const {
    std::error_code ec;
    return fs::is_directory(m_path, ec);
}

bool PointFolder::claim() const {
    std::error_code ec;
    if (fs::create_directory(m_path, ec)) return true;
    if (!ec) return false;  // it was there already
    throw RunStoreError(m_path + ": cannot create the run folder (" + ec.message() + ")");
}

std::optional<RunStatus> PointFolder::runStatus() const {
    if (!exists()) return std::nullopt;
    const fs::path summary = fs::path(m_path) / "summary.json";
    std::error_code ec;
    if (!fs::is_regular_file(summary, ec)) return RunStatus::Incomplete;
    try {
        const nlohmann::json json = nlohmann::json::parse(readWholeFile(summary.string()));
        if (auto status = runStatusFromString(json.value("status", ""))) return *status;
    } catch (const std::exception&) {
    }
    return RunStatus::Failed;  // a summary that cannot be read is not a finished run
}

void PointFolder::retire() const {
    const fs::path retired = fs::path(m_sweepDirectory) / kRetiredFolder;
    std::error_code ec;
    fs::create_directories(retired, ec);
    const std::string base = (retired / (m_pointName + "-" + utcNow("%Y%m%d-%H%M%S"))).string();
    std::string target = base;
    for (int suffix = 2; fs::exists(target, ec); ++suffix)
        target = base + "-" + std::to_string(suffix);
    fs::rename(m_path, target, ec);
    if (ec)
        throw RunStoreError(m_path + ": cannot move it to " + target + " (" + ec.message() + ")");
}

}  // namespace shatter
