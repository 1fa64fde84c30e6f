#include "data/compressed_file.h"

#include <zlib.h>

#include <filesystem>
#include <memory>

#include "shatter_error.h"

namespace shatter {

namespace {

struct GzFileCloser {
    void operator()(gzFile_s* file) const {
        if (file != nullptr) gzclose(file);
    }
};

}  // namespace

std::vector<std::uint8_t> readPossiblyGzippedFile(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) {
        throw DataError(path + ": file not found");
    }
    std::unique_ptr<gzFile_s, GzFileCloser> file(gzopen(path.c_str(), "rb"));
    if (!file) throw DataError(path + ": cannot open for reading");
    gzbuffer(file.get(), 1 << 17);

    std::vector<std::uint8_t> data;
    std::vector<std::uint8_t> chunk(1 << 20);
    for (;;) {
        const int n = gzread(file.get(), chunk.data(), static_cast<unsigned>(chunk.size()));
        if (n < 0) {
            int code = 0;
            const char* message = gzerror(file.get(), &code);
            throw DataError(path + ": corrupt compressed data (" + message + ")");
        }
        if (n == 0) break;
        data.insert(data.end(), chunk.begin(), chunk.begin() + n);
    }
    int code = Z_OK;
    const char* message = gzerror(file.get(), &code);
    if (code != Z_OK && code != Z_STREAM_END) {
        throw DataError(path + ": corrupt compressed data (" + message + ")");
    }
    // gzread reports a stream cut short only at close time (Z_BUF_ERROR).
    const int closeResult = gzclose(file.release());
    if (closeResult == Z_BUF_ERROR) {
        throw DataError(path + ": truncated gzip file (the stream ends early)");
    }
    if (closeResult != Z_OK) throw DataError(path + ": error while reading the file");
    return data;
}

}  // namespace shatter
