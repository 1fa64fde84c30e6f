#pragma once

#include <string>

namespace shatter {

// Writes `contents` to `path` so that a reader sees either the old file or the whole new one,
// never a partial write: write a file beside it, flush it to disk, rename it over. The file is
// written without a name (O_TMPFILE) where the file system allows, and named PATH.tmp only once
// complete, so a process killed while writing leaves no temporary file. Throws RunStoreError
// naming the path and the reason (disk full, ...) on failure, leaving no temporary file.
void writeFileAtomically(const std::string& path, const std::string& contents);

// The whole file as a string; throws RunStoreError naming the path when it cannot be read.
std::string readWholeFile(const std::string& path);

}  // namespace shatter
