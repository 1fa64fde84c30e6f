#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shatter {

// Reads a whole file into memory, inflating it transparently when it is gzip-compressed.
// Throws DataError naming the file when it is missing, unreadable or a truncated gzip stream.
std::vector<std::uint8_t> readPossiblyGzippedFile(const std::string& path);

}  // namespace shatter
