#include "figure/animation_settings.h"

#include <cmath>
#include <cstdio>

#include "figure/figure_progress.h"

namespace shatter {

int AnimationSettings::frameCount() const { return FigureProgress::frameCount(fps, seconds); }

std::string AnimationSettings::sideProblem(const std::string& name, int pixels) {
    if (pixels < kMinSide || pixels > kMaxSide) {
        return name + " " + std::to_string(pixels) + ": a video frame is " + std::to_string(kMinSide) + " to " +
               std::to_string(kMaxSide) + " pixels on a side";
    }
    if (pixels % 2 != 0) return name + " " + std::to_string(pixels) + ": must be even (H.264 video needs even sizes)";
    return {};
}

std::string AnimationSettings::fpsProblem(int framesPerSecond) {
    if (framesPerSecond >= kMinFps && framesPerSecond <= kMaxFps) return {};
    return "fps " + std::to_string(framesPerSecond) + ": a video has " + std::to_string(kMinFps) + " to " +
           std::to_string(kMaxFps) + " frames a second";
}

std::string AnimationSettings::secondsProblem(double length) {
    if (std::isfinite(length) && length > 0.0 && length <= kMaxSeconds) return {};
    char text[120];
    std::snprintf(text, sizeof text, "seconds %g: an animation lasts more than 0 and at most %g seconds", length,
                  kMaxSeconds);
    return text;
}

std::string AnimationSettings::problem() const {
    for (const std::string& problem :
         {sideProblem("width", width), sideProblem("height", height), fpsProblem(fps), secondsProblem(seconds)}) {
        if (!problem.empty()) return problem;
    }
    return {};
}

}  // namespace shatter
