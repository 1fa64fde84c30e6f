#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace shatter {

// How much memory a theory computation may take. Their big matrices grow with n^2, so a size is
// checked against the limit before anything is allocated instead of letting the process be
// killed half-way.
class MemoryBudget {
public:
    // MemAvailable of /proc/meminfo in bytes; nullopt where it cannot be read.
    static std::optional<std::int64_t> availableBytes();
    // The limit: `overrideBytes` when given, else 80% of the available memory (some headroom for
    // LAPACK workspace and the rest of the process), else 4 GiB when nothing can be read.
    static std::int64_t limitBytes(std::optional<std::int64_t> overrideBytes);
    // Throws ConfigError stating the need, the limit and what to change, when need > limit.
    static void require(std::int64_t neededBytes, std::int64_t limitBytes, const std::string& what);
    // "1.53 GB"
    static std::string format(std::int64_t bytes);
};

}  // namespace shatter
