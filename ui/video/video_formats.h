#pragma once

#include <memory>
#include <string>

#include "video/video_writer.h"

// The two VideoWriter implementations, for VideoWriter::open: `temporary` is the file to write
// (it exists, empty), renamed to `path` when finished.
namespace shatter::video_formats {

std::unique_ptr<VideoWriter> openMp4(const std::string& path, const std::string& temporary, int width, int height,
                                     int fps);
bool mp4Available();
std::unique_ptr<VideoWriter> openGif(const std::string& path, const std::string& temporary, int width, int height,
                                     int fps);

}  // namespace shatter::video_formats
