#pragma once

#include <map>
#include <optional>
#include <string>

#include "util/thread_policy.h"

namespace shatter {

// The thread split measured on this machine, per network: `shatter-cli bench --calibrate` times
// each way of dividing N threads between LibTorch's pool and the BLAS pool and records the
// fastest here; a later run of that network with N threads uses it instead of the rule that
// ThreadPolicy derives from 2- and 16-core measurements. The file holds the entries of every
// machine that shares it (a home folder on a cluster), each under a key naming the CPU, its
// cores, the BLAS and the LibTorch version, so that no machine uses another's measurement.
class ThreadCalibration {
public:
    struct Entry {
        ThreadPools pools;
        double samplesPerSecond = 0.0;
        std::string measuredAt;  // UTC, ISO 8601
    };

    // "Intel(R) Xeon(R) ... · 2 cores · BLAS generic · LibTorch 1.13.0"
    static std::string machineKey(const std::string& cpuModel, int cores, const std::string& blas,
                                  const std::string& libtorchVersion);
    // $XDG_CACHE_HOME/shatter/thread-calibration.json, else ~/.cache/shatter/...
    static std::string defaultPath();

    explicit ThreadCalibration(std::string machine) : m_machine(std::move(machine)) {}

    // Reads the file; a missing file gives no entries. Throws ConfigError naming the file when it
    // cannot be read or is not a calibration file.
    void load(const std::string& path);
    // Writes every machine's entries back, atomically, creating the folder.
    void save(const std::string& path) const;

    // This machine's measured pools for a network, its input channels and a thread count.
    std::optional<Entry> find(const std::string& model, int channels, int threads) const;
    void record(const std::string& model, int channels, int threads, const Entry& entry);

    const std::string& machine() const { return m_machine; }

private:
    static std::string entryKey(const std::string& model, int channels, int threads);

    std::string m_machine;
    std::map<std::string, std::map<std::string, Entry>> m_machines;  // machine -> entry key -> entry
};

}  // namespace shatter
