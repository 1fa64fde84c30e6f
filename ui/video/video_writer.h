#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "shatter_error.h"

namespace shatter {

// A video file that cannot be written (unknown format, unwritable folder, encoder failure); the
// message names the file.
class VideoError : public ShatterError {
public:
    using ShatterError::ShatterError;
};

// Writes an animation frame by frame: MP4 (H.264, through OpenCV's FFmpeg-backed writer) or
// animated GIF (giflib, looping), chosen by the file's extension. Frames are RGB, 3 bytes a
// pixel, rows top to bottom without padding, all of the size the writer was opened with.
// The file is written under a hidden temporary name in the same folder and renamed into place
// by finish(); a writer destroyed before that (an error, a cancelled export) removes it, so a
// failed or cancelled export never leaves half a file behind. No Qt.
class VideoWriter {
public:
    enum class Format { Mp4, Gif };

    virtual ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    // The format named by the path's extension (.mp4, .gif, any case); false for any other.
    static bool formatFor(const std::string& path, Format* format);
    // ".mp4 or .gif", for messages.
    static std::string allowedExtensions();
    // Whether this build can write the format (MP4 needs OpenCV's video I/O).
    static bool available(Format format);

    // Opens `path` for frames of `width` × `height` pixels (both even, 2 to 8192) at `fps` (1 to
    // 60) frames a second. Throws VideoError naming the file when the extension is neither .mp4
    // nor .gif, the folder does not exist or cannot be written, or the encoder will not start.
    static std::unique_ptr<VideoWriter> open(const std::string& path, int width, int height, int fps);

    // Appends a frame of width × height × 3 bytes. Throws VideoError on a write error.
    virtual void add(const std::uint8_t* rgb) = 0;
    // Completes the file and renames it into place; throws VideoError when it cannot, leaving no file.
    void finish();

    const std::string& path() const { return m_path; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    int fps() const { return m_fps; }
    int frames() const { return m_frames; }

protected:
    // `temporary` exists (empty) beside `path`; the base class removes it unless finish() renamed it.
    VideoWriter(std::string path, std::string temporary, int width, int height, int fps);
    // Completes and closes the temporary file; throws VideoError on failure. (An implementation's
    // destructor releases its encoder when close() was never called.)
    virtual void close() = 0;

    const std::string& temporaryPath() const { return m_temporary; }
    void countFrame() { ++m_frames; }
    [[noreturn]] void fail(const std::string& why) const;

private:
    std::string m_path;
    std::string m_temporary;
    int m_width;
    int m_height;
    int m_fps;
    int m_frames = 0;
    bool m_finished = false;
};

}  // namespace shatter
