#include "util/thread_calibration.h"

#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

constexpr int kFormatVersion = 1;

}  // namespace

std::string ThreadCalibration::machineKey(const std::string& cpuModel, int cores,
                                          const std::string& blas,
                                          const std::string& libtorchVersion) {
    return (cpuModel.empty() ? std::string("unknown CPU") : cpuModel) + " · " + std::to_string(cores) +
           (cores == 1 ? " core" : " cores") + " · BLAS " + blas + " · LibTorch " + libtorchVersion;
}

std::string ThreadCalibration::defaultPath() {
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = cache && *cache ? std::filesystem::path(cache)
                                       : home && *home ? std::filesystem::path(home) / ".cache"
                                                       : std::filesystem::temp_directory_path();
    return (base / "shatter" / "thread-calibration.json").string();
}

std::string ThreadCalibration::entryKey(const std::string& model, int channels, int threads) {
    return model + ", " + std::to_string(channels) + (channels == 1 ? " channel, " : " channels, ") +
           std::to_string(threads) + (threads == 1 ? " thread" : " threads");
}

void ThreadCalibration::load(const std::string& path) {
    m_machines.clear();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return;
    try {
        const nlohmann::json file = nlohmann::json::parse(readWholeFile(path));
        if (!file.is_object() || file.value("format", 0) != kFormatVersion || !file.contains("machines") ||
            !file["machines"].is_object()) {
            throw ConfigError(path + ": not a Shatter thread calibration (format " +
                              std::to_string(kFormatVersion) + " with \"machines\")");
        }
        for (const auto& [machine, entries] : file["machines"].items()) {
            for (const auto& [key, value] : entries.items()) {
                Entry entry;
                entry.pools.libtorch = value.at("libtorch_threads").get<int>();
                entry.pools.blas = value.at("blas_threads").get<int>();
                entry.samplesPerSecond = value.at("samples_per_second").get<double>();
                entry.measuredAt = value.at("measured_at").get<std::string>();
                if (entry.pools.libtorch < 1 || entry.pools.blas < 1) {
                    throw ConfigError(path + ": " + key + ": thread counts must be at least 1");
                }
                m_machines[machine][key] = entry;
            }
        }
    } catch (const nlohmann::json::exception& e) {
        throw ConfigError(path + ": not a readable thread calibration (" + e.what() + ")");
    } catch (const RunStoreError& e) {
        throw ConfigError(e.what());
    }
}

void ThreadCalibration::save(const std::string& path) const {
    nlohmann::json machines = nlohmann::json::object();
    for (const auto& [machine, entries] : m_machines) {
        for (const auto& [key, entry] : entries) {
            machines[machine][key] = {{"libtorch_threads", entry.pools.libtorch},
                                      {"blas_threads", entry.pools.blas},
                                      {"samples_per_second", entry.samplesPerSecond},
                                      {"measured_at", entry.measuredAt}};
        }
    }
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    if (ec) throw RunStoreError(std::filesystem::path(path).parent_path().string() + ": " + ec.message());
    const nlohmann::json file = {{"format", kFormatVersion}, {"machines", machines}};
    writeFileAtomically(path, file.dump(2) + "\n");
}

std::optional<ThreadCalibration::Entry> ThreadCalibration::find(const std::string& model, int channels,
                                                                int threads) const {
    const auto machine = m_machines.find(m_machine);
    if (machine == m_machines.end()) return std::nullopt;
    const auto entry = machine->second.find(entryKey(model, channels, threads));
    if (entry == machine->second.end()) return std::nullopt;
    return entry->second;
}

void ThreadCalibration::record(const std::string& model, int channels, int threads, const Entry& entry) {
    m_machines[m_machine][entryKey(model, channels, threads)] = entry;
}

}  // namespace shatter
