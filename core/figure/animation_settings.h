#pragma once

#include <string>

namespace shatter {

// How an animated figure is written (`shatter-cli animate`, the window's "Export animation…"):
// frame size, frame rate and length, with the limits both hold them to. Frames:
// round(fps × seconds), frame i at progress i / (frames − 1) (FigureProgress).
struct AnimationSettings {
    static constexpr int kDefaultWidth = 1280;  // 720p: a slide's video, a few MB as MP4
    static constexpr int kDefaultHeight = 720;
    static constexpr int kDefaultFps = 30;
    static constexpr double kDefaultSeconds = 6.0;
    static constexpr int kMinFps = 1;
    static constexpr int kMaxFps = 60;
    static constexpr double kMaxSeconds = 600.0;
    static constexpr int kMinSide = 128;   // pixels, width and height; even (H.264 needs it)
    static constexpr int kMaxSide = 3840;

    int width = kDefaultWidth;
    int height = kDefaultHeight;
    int fps = kDefaultFps;
    double seconds = kDefaultSeconds;

    int frameCount() const;
    // Empty when the settings can be written; else what is wrong, naming the setting ("width
    // 1281: ..."), for a message.
    std::string problem() const;
    // The problem with one value, empty when none (for each option of the command line).
    static std::string sideProblem(const std::string& name, int pixels);
    static std::string fpsProblem(int fps);
    static std::string secondsProblem(double seconds);
};

}  // namespace shatter
