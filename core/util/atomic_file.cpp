#include "util/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#include "shatter_error.h"

namespace shatter {

void writeFileAtomically(const std::string& path, const std::string& contents) {
    const std::string temporary = path + ".tmp";
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) throw RunStoreError(temporary + ": cannot create (" + std::strerror(errno) + ")");
    std::size_t written = 0;
    while (written < contents.size()) {
        const ssize_t n = ::write(fd, contents.data() + written, contents.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const std::string reason = std::strerror(errno);
            ::close(fd);
            throw RunStoreError(temporary + ": write failed (" + reason + ")");
        }
        written += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        throw RunStoreError(path + ": cannot replace (" + std::strerror(errno) + ")");
    }
}

std::string readWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw RunStoreError(path + ": cannot open for reading");
    std::ostringstream contents;
    contents << in.rdbuf();
    return contents.str();
}

}  // namespace shatter
