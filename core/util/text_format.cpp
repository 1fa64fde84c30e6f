#include "util/text_format.h"

#include <chrono>
#include <ctime>

namespace shatter {

std::string utcNow(const char* format) {
    const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, format, &utc);
    return buffer;
}

std::string withThousands(std::int64_t value) {
    std::string digits = std::to_string(value);
    const int first = digits[0] == '-' ? 1 : 0;
    for (int i = static_cast<int>(digits.size()) - 3; i > first; i -= 3) {
        digits.insert(static_cast<std::size_t>(i), ",");
    }
    return digits;
}

}  // namespace shatter
