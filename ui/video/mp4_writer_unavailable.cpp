// Builds without OpenCV (-DSHATTER_WITH_OPENCV=OFF) write no MP4; VideoWriter::open says so.
#include "video/video_formats.h"

namespace shatter::video_formats {

std::unique_ptr<VideoWriter> openMp4(const std::string& path, const std::string&, int, int, int) {
    throw VideoError(path + ": this build of Shatter cannot write MP4 video (built without OpenCV); use .gif");
}

bool mp4Available() { return false; }

}  // namespace shatter::video_formats
