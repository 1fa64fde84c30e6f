#include "run/run_writer.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

#include <atomic>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <utility>
#include <nlohmann/json.hpp>

#include "corruption/corruption_level.h"
#include "run/metrics_csv.h"
#include "shatter_error.h"
#include "util/atomic_file.h"
#include "util/text_format.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

nlohmann::json infoToJson(const RunInfo& info) {
    return {
        {"shatter_version", info.shatterVersion},
        {"libtorch_version", info.libtorchVersion},
        {"device", info.device},
        {"dataset_name", info.datasetName},
        {"class_names", info.classNames},
        {"parameters", info.parameters},
        {"trainable_parameters", info.trainableParameters},
        {"train_examples", info.trainExamples},
        {"test_examples", info.testExamples},
        {"corrupted_examples", info.corruptedExamples},
        {"started_at", info.startedAt},
    };
}

nlohmann::json numberOrNull(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

std::string errnoText() { return std::strerror(errno); }

// Writes all of `text` at the file's end; false with errno set on failure.
bool writeAll(int fd, const std::string& text) {
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        written += static_cast<std::size_t>(n);
    }
    return true;
}

// A folder of a run that was being created: hidden until complete, named after its process.
constexpr const char* kStagingPrefix = ".partial-";

// Staging folders of processes that were killed while creating a run folder.
void removeAbandonedStagingFolders(const std::string& root) {
    std::error_code ec;
    for (fs::directory_iterator it(root, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(kStagingPrefix, 0) != 0) continue;
        const long pid = std::strtol(name.c_str() + std::strlen(kStagingPrefix), nullptr, 10);
        if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
            std::error_code ignored;
            fs::remove_all(it->path(), ignored);
        }
    }
}

}  // namespace

std::string RunWriter::slugFor(const RunConfig& config) {
    std::string slug = config.name;
    if (slug.empty()) {
        slug = config.model + "-" + corruptionModeKey(config.corruption);
        if (config.corruption != CorruptionMode::None) {
            slug += "-" + std::to_string(levelPercent(config.level));
        }
    }
    for (char& c : slug) {
        const bool keep = std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
        if (!keep) c = '-';
    }
    return slug;
}

RunWriter::RunWriter(const std::string& root, const RunConfig& config, const CorruptedDataset& data,
                     const std::string& datasetName)
    : m_config(config) {
    recordFacts(data, datasetName);
    std::error_code ec;
    fs::create_directories(root, ec);
    if (ec) throw RunStoreError(root + ": cannot create the runs folder (" + ec.message() + ")");
    removeAbandonedStagingFolders(root);
    createStaged(root, utcNow("%Y%m%d-%H%M%S") + "-" + slugFor(config));
}

RunWriter::RunWriter(ExistingFolder, const std::string& directory, const RunConfig& config,
                     const CorruptedDataset& data, const std::string& datasetName)
    : m_config(config) {
    recordFacts(data, datasetName);
    m_directory = directory;
    try {
        fill(directory);
    } catch (...) {
        closeFiles();
        throw;
    }
}

void RunWriter::recordFacts(const CorruptedDataset& data, const std::string& datasetName) {
    m_info.shatterVersion = SHATTER_VERSION;
    m_info.datasetName = datasetName;
    m_info.classNames = data.classNames;
    m_info.trainExamples = static_cast<int>(data.train.size());
    m_info.testExamples = static_cast<int>(data.test.size());
    m_info.corruptedExamples = static_cast<int>(data.corruptedCount());
    m_info.startedAt = utcNow("%Y-%m-%dT%H:%M:%SZ");
    m_examples.trueLabels = data.trueLabels;
    m_examples.assignedLabels = data.train.labels;
    m_examples.corrupted = data.corrupted;
}

void RunWriter::closeFiles() {
    if (m_metricsFd >= 0) ::close(m_metricsFd);
    if (m_reserveFd >= 0) ::close(m_reserveFd);
    m_metricsFd = m_reserveFd = -1;
}

RunWriter::~RunWriter() {
    if (m_metricsFd >= 0) ::close(m_metricsFd);
    if (m_reserveFd >= 0) {
        // The run never finished (an exception before training): no summary, no reserve file.
        ::close(m_reserveFd);
        ::unlink((fs::path(m_directory) / kSummaryReserve).c_str());
    }
}

// config.json, the metrics header and the space for summary.json, in `folder`.
void RunWriter::fill(const std::string& folder) {
    writeConfig(folder);
    const std::string metricsPath = (fs::path(folder) / "metrics.csv").string();
    m_metricsFd = ::open(metricsPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
    if (m_metricsFd < 0) throw RunStoreError(metricsPath + ": cannot create (" + errnoText() + ")");
    const std::string header = MetricsCsv::header() + "\n";
    if (!writeAll(m_metricsFd, header)) throw RunStoreError(metricsPath + ": write failed (" + errnoText() + ")");

    const std::string reservePath = (fs::path(folder) / kSummaryReserve).string();
    m_reserveFd = ::open(reservePath.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (m_reserveFd < 0) throw RunStoreError(reservePath + ": cannot create (" + errnoText() + ")");
    if (const int error = ::posix_fallocate(m_reserveFd, 0, kSummaryReserveBytes); error != 0) {
        // Where fallocate is not offered, zeros take the space as well.
        if (error != EOPNOTSUPP && error != EINVAL) {
            throw RunStoreError(reservePath + ": cannot reserve space (" + std::strerror(error) + ")");
        }
        if (!writeAll(m_reserveFd, std::string(kSummaryReserveBytes, '\0'))) {
            throw RunStoreError(reservePath + ": cannot reserve space (" + errnoText() + ")");
        }
    }
}

void RunWriter::createStaged(const std::string& root, const std::string& base) {
    static std::atomic<int> counter{0};
    const fs::path staging = fs::path(root) / (std::string(kStagingPrefix) + std::to_string(::getpid()) + "-" +
                                               std::to_string(counter++) + "-" + base);
    std::error_code ec;
    if (!fs::create_directory(staging, ec)) {
        throw RunStoreError(staging.string() + ": cannot create the run folder (" +
                            (ec ? ec.message() : std::string("it exists")) + ")");
    }
    try {
        fill(staging.string());

        // The folder appears under its final name with config.json and the metrics header in it.
        const std::string base_path = (fs::path(root) / base).string();
        std::string candidate = base_path;
        for (int suffix = 2;; ++suffix) {
            if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, candidate.c_str(), RENAME_NOREPLACE) == 0) break;
            if ((errno != EEXIST && errno != ENOTEMPTY) || suffix > 1000) {
                throw RunStoreError(candidate + ": cannot create the run folder (" + errnoText() + ")");
            }
            candidate = base_path + "-" + std::to_string(suffix);
        }
        m_directory = candidate;
    } catch (...) {
        closeFiles();
        fs::remove_all(staging, ec);
        throw;
    }
}

void RunWriter::writeConfig(const std::string& folder) {
    nlohmann::json json = m_config.toJson();
    json["run"] = infoToJson(m_info);
    writeFileAtomically((fs::path(folder) / "config.json").string(), json.dump(2) + "\n");
}

void RunWriter::fail(const std::string& message) {
    if (m_firstError.empty()) m_firstError = message;
    throw RunStoreError(m_firstError);
}

void RunWriter::onStarted(const RunStart& start) {
    m_info.device = start.device;
    m_info.libtorchVersion = start.libtorchVersion;
    m_info.parameters = start.parameters;
    m_info.trainableParameters = start.trainableParameters;
    try {
        writeConfig(m_directory);
    } catch (const RunStoreError& error) {
        fail(error.what());
    }
}

void RunWriter::appendMetricsRow(const std::string& row) {
    const std::string path = m_directory + "/metrics.csv";
    const off_t before = ::lseek(m_metricsFd, 0, SEEK_END);
    if (writeAll(m_metricsFd, row + "\n")) return;
    const std::string reason = errnoText();
    // No half row stays behind: cut the file back to its last whole row.
    if (before >= 0 && ::ftruncate(m_metricsFd, before) != 0) {
        fail(path + ": write failed (" + reason + "), and a partial row stays at its end");
    }
    fail(path + ": write failed (" + reason + ")");
}

void RunWriter::onEpoch(const EpochReport& report) {
    if (!m_firstError.empty()) throw RunStoreError(m_firstError);
    appendMetricsRow(MetricsCsv::formatRow(report.metrics));
    m_lastRow = report.metrics;
    ++m_rowsWritten;
    try {
        if (!m_predictions) m_predictions.emplace(m_directory, static_cast<std::size_t>(m_info.trainExamples));
        m_predictions->append(report.predictions);
    } catch (const RunStoreError& error) {
        fail(error.what());
    }
    m_examples.epoch = report.metrics.epoch;
    m_examples.fittedSince = report.fittedSince;
    m_examples.predictions = report.predictions;
    try {
        writeFileAtomically((fs::path(m_directory) / "examples.bin").string(), m_examples.serialize());
    } catch (const RunStoreError& error) {
        fail(error.what());
    }
}

std::string RunWriter::summaryToJson(const RunSummary& summary) {
    nlohmann::json json = {
        {"status", toString(summary.status)},
        {"epochs", summary.epochs},
        {"train_acc", numberOrNull(summary.trainAcc)},
        {"test_acc", numberOrNull(summary.testAcc)},
        {"gap", numberOrNull(summary.gap)},
        {"epochs_to_fit", summary.epochsToFit ? nlohmann::json(*summary.epochsToFit) : nlohmann::json(nullptr)},
        {"samples_per_second", numberOrNull(summary.samplesPerSecond)},
        {"parameters", summary.parameters},
    };
    if (!summary.message.empty()) json["message"] = summary.message;
    return json.dump(2) + "\n";
}

void RunWriter::writeSummary(const std::string& text) {
    const std::string path = (fs::path(m_directory) / "summary.json").string();
    const std::string reservePath = (fs::path(m_directory) / kSummaryReserve).string();
    if (m_reserveFd >= 0 && text.size() <= kSummaryReserveBytes) {
        // Into the space taken at the start: no new blocks are needed on a full disk.
        const int fd = std::exchange(m_reserveFd, -1);
        const bool written = ::pwrite(fd, text.data(), text.size(), 0) == static_cast<ssize_t>(text.size()) &&
                             ::ftruncate(fd, static_cast<off_t>(text.size())) == 0 && ::fsync(fd) == 0;
        const std::string reason = errnoText();
        ::close(fd);
        if (written && std::rename(reservePath.c_str(), path.c_str()) == 0) return;
        ::unlink(reservePath.c_str());
        if (!written) throw RunStoreError(path + ": write failed (" + reason + ")");
    }
    if (m_reserveFd >= 0) {
        ::close(std::exchange(m_reserveFd, -1));
        ::unlink(reservePath.c_str());
    }
    writeFileAtomically(path, text);
}

void RunWriter::onFinished(const RunSummary& summary) {
    RunSummary complete = summary;
    if (complete.parameters == 0) complete.parameters = m_info.parameters;
    if (complete.epochs < m_rowsWritten) {
        // A run that failed mid-way: its summary still gives the epochs on disk.
        complete.epochs = m_rowsWritten;
        complete.trainAcc = m_lastRow.trainAcc;
        complete.testAcc = m_lastRow.testAcc;
        complete.gap = m_lastRow.gap;
    }
    if (!m_firstError.empty()) {
        // The first disk error ends the run, whatever the trainer made of it.
        complete.status = RunStatus::Failed;
        complete.message = m_firstError;
    }
    if (!summary.diagnostic.empty() && summary.diagnostic != summary.message && m_firstError.empty()) {
        try {
            writeFileAtomically((fs::path(m_directory) / "error.log").string(), summary.diagnostic + "\n");
        } catch (const RunStoreError&) {
            // The summary below still names the failure; the log is a bonus.
        }
    }
    try {
        writeSummary(summaryToJson(complete));
    } catch (const RunStoreError& error) {
        // Not thrown: onFinished also runs while a failure is being reported. The pipeline
        // reads firstError() and reports the run as failed.
        if (m_firstError.empty()) m_firstError = error.what();
    }
}

}  // namespace shatter
