#include "theory/memory_budget.h"

#include <cstdio>
#include <fstream>
#include <sstream>

#include "shatter_error.h"

namespace shatter {

std::optional<std::int64_t> MemoryBudget::availableBytes() {
    std::ifstream in("/proc/meminfo");
    std::string line;
    while (std::getline(in, line)) {
        std::istringstream fields(line);
        std::string key;
        std::int64_t kilobytes = 0;
        if (fields >> key >> kilobytes && key == "MemAvailable:") return kilobytes * 1024;
    }
    return std::nullopt;
}

std::int64_t MemoryBudget::limitBytes(std::optional<std::int64_t> overrideBytes) {
    if (overrideBytes) return *overrideBytes;
    const std::optional<std::int64_t> available = availableBytes();
    if (!available) return std::int64_t{4} << 30;
    return *available / 10 * 8;
}

void MemoryBudget::require(std::int64_t neededBytes, std::int64_t limitBytes,
                           const std::string& what) {
    if (neededBytes <= limitBytes) return;
    throw ConfigError(
        what + " needs " + format(neededBytes) + " of memory, more than the limit of " +
        format(limitBytes) +
        " (80% of the available memory, or --max-memory-gb): use fewer training or test "
        "images, or raise the limit");
}

std::string MemoryBudget::format(std::int64_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f GB", static_cast<double>(bytes) / 1e9);
    return text;
}

}  // namespace shatter
