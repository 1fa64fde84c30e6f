#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "shatter_error.h"

namespace shatter {

namespace {

std::string reason(int error) { return std::strerror(error); }

// Writes all of `contents` to `fd` and flushes it to disk; returns 0 or the errno of the first
// failure.
int writeAllAndSync(int fd, const std::string& contents) {
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return errno;
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 && errno != EINVAL) return errno;
    return 0;
}

// Closes `fd`, keeping the first error: a write that failed, else a close that failed.
int closeKeepingError(int fd, int error) {
    const int closed = ::close(fd);
    return error != 0 ? error : (closed != 0 ? errno : 0);
}

}  // namespace

void writeFileAtomically(const std::string& path, const std::string& contents) {
    const std::string temporary = path + ".tmp";
    const std::filesystem::path target(path);
    const std::string folder = target.has_parent_path() ? target.parent_path().string() : ".";

    // Preferably an unnamed file, linked in under the temporary name only once its contents are
    // on disk: a process killed while writing leaves no temporary file behind.
    int fd = ::open(folder.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0644);
    const bool unnamed = fd >= 0;
    if (!unnamed) fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw RunStoreError(temporary + ": cannot create (" + reason(errno) + ")");

    int error = writeAllAndSync(fd, contents);
    if (error == 0 && unnamed) {
        const std::string procPath = "/proc/self/fd/" + std::to_string(fd);
        ::unlink(temporary.c_str());  // a stale one from a process killed meanwhile
        if (::linkat(AT_FDCWD, procPath.c_str(), AT_FDCWD, temporary.c_str(), AT_SYMLINK_FOLLOW) != 0) {
            error = errno;
        }
    }
    error = closeKeepingError(fd, error);
    if (error != 0) {
        ::unlink(temporary.c_str());
        throw RunStoreError(path + ": write failed (" + reason(error) + ")");
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        error = errno;
        ::unlink(temporary.c_str());
        throw RunStoreError(path + ": cannot replace (" + reason(error) + ")");
    }
}

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RunStoreError(path + ": cannot open for reading");
    std::ostringstream contents;
    contents << in.rdbuf();
    if (in.bad()) throw RunStoreError(path + ": read failed");
    return contents.str();
}

}  // namespace shatter
