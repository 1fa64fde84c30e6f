#pragma once

#include <optional>
#include <string>

#include "run/run_status.h"

namespace shatter {

// The run folder of one point of a sweep run by worker processes or Slurm tasks:
// SWEEP/<point name>. A process claims it by creating it (mkdir is atomic, also on NFS), so two
// processes never write the same folder. A run that did not finish is retired before its point
// is run again: moved to SWEEP/.retired/<point name>-<time>, where the window does not list it.
class PointFolder {
public:
    PointFolder(std::string sweepDirectory, std::string pointName);

    const std::string& path() const { return m_path; }
    const std::string& pointName() const { return m_pointName; }
    bool exists() const;
    // Creates the folder; false when it already exists (another process has it).
    // Throws RunStoreError when it cannot be created for another reason.
    bool claim() const;
    // How its run stands: nullopt without a folder, Incomplete without summary.json (running or
    // killed), otherwise the status summary.json records.
    std::optional<RunStatus> runStatus() const;
    // Moves the folder out of the way so the point can be claimed again. Throws RunStoreError.
    void retire() const;

    static constexpr const char* kRetiredFolder = ".retired";

private:
    std::string m_sweepDirectory;
    std::string m_pointName;
    std::string m_path;
};

}  // namespace shatter
