#pragma once

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

// Helpers of the fuzz targets: a scratch folder per process, files written from fuzz input.
namespace shatter::fuzz {

inline const std::filesystem::path& scratchFolder() {
    static const std::filesystem::path folder = [] {
        const char* base = std::getenv("TMPDIR");
        std::filesystem::path path = std::filesystem::path(base != nullptr ? base : "/tmp") /
                                     ("shatter-fuzz-" + std::to_string(::getpid()));
        std::filesystem::create_directories(path);
        return path;
    }();
    return folder;
}

inline std::string writeScratchFile(const std::string& name, std::string_view bytes) {
    const std::string path = (scratchFolder() / name).string();
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return path;
}

// Splits fuzz input at the first occurrence of `separator` (several files from one input).
inline std::string_view nextPart(std::string_view& rest, std::string_view separator = "\n====\n") {
    const std::size_t at = rest.find(separator);
    const std::string_view part = rest.substr(0, at);
    rest = at == std::string_view::npos ? std::string_view{} : rest.substr(at + separator.size());
    return part;
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

}  // namespace shatter::fuzz
