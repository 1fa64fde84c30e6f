#include "video/video_writer.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fcntl.h>
#include <unistd.h>

#include "video/video_formats.h"

namespace shatter {

namespace fs = std::filesystem;

namespace {

std::string lowerExtension(const std::string& path) {
    std::string extension = fs::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return char(std::tolower(c)); });
    return extension;
}

// Creates the hidden file the video is written to, beside `path` and with its extension (the
// MP4 muxer goes by it): "DIR/.NAME.PID.partial.mp4". Throws VideoError naming `path` when the
// folder is missing or cannot be written.
std::string createTemporary(const std::string& path) {
    const fs::path target(path);
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    if (!fs::exists(folder, ec)) {
        throw VideoError(path + ": cannot be written: the folder " + folder.string() + " does not exist");
    }
    if (!fs::is_directory(folder, ec)) {
        throw VideoError(path + ": cannot be written: " + folder.string() + " is not a folder");
    }
    if (fs::is_directory(target, ec)) throw VideoError(path + ": cannot be written: it is a folder");
    const std::string temporary = (folder / ("." + target.filename().string() + "." + std::to_string(getpid()) +
                                             ".partial" + lowerExtension(path)))
                                      .string();
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (fd < 0) {
        const int error = errno;
        throw VideoError(path + ": cannot be written in " + folder.string() + ": " + std::strerror(error));
    }
    ::close(fd);
    return temporary;
}

}  // namespace

VideoWriter::VideoWriter(std::string path, std::string temporary, int width, int height, int fps)
    : m_path(std::move(path)), m_temporary(std::move(temporary)), m_width(width), m_height(height), m_fps(fps) {}

VideoWriter::~VideoWriter() {
    if (!m_finished) std::remove(m_temporary.c_str());
}

bool VideoWriter::formatFor(const std::string& path, Format* format) {
    const std::string extension = lowerExtension(path);
    if (extension == ".mp4") *format = Format::Mp4;
    else if (extension == ".gif") *format = Format::Gif;
    else return false;
    return true;
}

std::string VideoWriter::allowedExtensions() { return ".mp4 or .gif"; }

bool VideoWriter::available(Format format) { return format == Format::Gif || video_formats::mp4Available(); }

std::unique_ptr<VideoWriter> VideoWriter::open(const std::string& path, int width, int height, int fps) {
    Format format;
    if (!formatFor(path, &format)) {
        throw VideoError(path + ": unknown video format; the file must end in " + allowedExtensions());
    }
    if (!available(format)) {
        throw VideoError(path + ": this build of Shatter cannot write MP4 video (built without OpenCV); use .gif");
    }
    if (width < 2 || height < 2 || width > 8192 || height > 8192 || width % 2 != 0 || height % 2 != 0) {
        throw VideoError(path + ": " + std::to_string(width) + " x " + std::to_string(height) +
                         ": a video is 2 to 8192 pixels on a side, an even number");
    }
    if (fps < 1 || fps > 60) {
        throw VideoError(path + ": " + std::to_string(fps) + " frames a second: a video has 1 to 60");
    }
    const std::string temporary = createTemporary(path);
    try {
        return format == Format::Mp4 ? video_formats::openMp4(path, temporary, width, height, fps)
                                     : video_formats::openGif(path, temporary, width, height, fps);
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
}

void VideoWriter::finish() {
    if (m_finished) return;
    close();  // on failure the destructor removes the temporary file
    std::error_code ec;
    if (fs::file_size(m_temporary, ec) == 0 || ec) fail("the encoder wrote nothing");
    fs::rename(m_temporary, m_path, ec);
    if (ec) fail("could not be renamed into place from " + m_temporary + ": " + ec.message());
    m_finished = true;
}

void VideoWriter::fail(const std::string& why) const { throw VideoError(m_path + ": " + why); }

}  // namespace shatter
