// MP4 video: H.264 (fourcc avc1) in an MP4 container, through OpenCV's FFmpeg-backed writer.
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include "video/video_formats.h"

namespace shatter::video_formats {

namespace {

class Mp4Writer : public VideoWriter {
public:
    Mp4Writer(const std::string& path, const std::string& temporary, int width, int height, int fps)
        : VideoWriter(path, temporary, width, height, fps) {
        const bool opened = m_writer.open(temporary, cv::CAP_FFMPEG, cv::VideoWriter::fourcc('a', 'v', 'c', '1'),
                                          double(fps), cv::Size(width, height), true);
        if (!opened || !m_writer.isOpened()) {
            fail("the H.264 video encoder (OpenCV's FFmpeg writer, fourcc avc1) could not be started");
        }
    }

    ~Mp4Writer() override {
        if (m_writer.isOpened()) m_writer.release();
    }

    void add(const std::uint8_t* rgb) override {
        if (!m_writer.isOpened()) fail("the video is already closed");
        const cv::Mat frame(height(), width(), CV_8UC3, const_cast<std::uint8_t*>(rgb));
        cv::cvtColor(frame, m_bgr, cv::COLOR_RGB2BGR);
        m_writer.write(m_bgr);
        countFrame();
    }

protected:
    void close() override {
        if (!m_writer.isOpened()) fail("the video is already closed");
        m_writer.release();  // writes the remaining frames and the MP4 index
    }

private:
    cv::VideoWriter m_writer;
    cv::Mat m_bgr;
};

}  // namespace

std::unique_ptr<VideoWriter> openMp4(const std::string& path, const std::string& temporary, int width, int height,
                                     int fps) {
    return std::make_unique<Mp4Writer>(path, temporary, width, height, fps);
}

bool mp4Available() { return true; }

}  // namespace shatter::video_formats
