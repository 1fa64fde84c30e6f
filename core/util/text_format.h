#pragma once

#include <cstdint>
#include <string>

namespace shatter {

// The current time in UTC, formatted with strftime's `format` ("%Y%m%d-%H%M%S", ...).
std::string utcNow(const char* format);

// 1234567 -> "1,234,567"
std::string withThousands(std::int64_t value);

}  // namespace shatter
