#pragma once

#include <string>

namespace shatter {

// Writes `contents` to `path` so that a reader sees either the old file or the whole new one,
// never a partial write: write a temporary file beside it, flush it to disk, rename it over.
// Throws RunStoreError naming the path on failure.
void writeFileAtomically(const std::string& path, const std::string& contents);

// The whole file as a string; throws RunStoreError naming the path when it cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace shatter
