#include "figure/figure_progress.h"

#include <algorithm>
#include <cmath>

namespace shatter {

namespace {

struct Extent {
    bool any = false;
    double xLow = 0.0;
    double xHigh = 0.0;
    double yLow = 0.0;
    double yHigh = 0.0;
};

// The smallest and largest x and y over the points the renderer draws (finite ones).
Extent extentOf(const FigureData& figure) {
    Extent extent;
    for (const FigureData::Series& s : figure.series) {
        const std::size_t n = std::min(s.x.size(), s.y.size());
        for (std::size_t i = 0; i < n; ++i) {
            if (!std::isfinite(s.x[i]) || !std::isfinite(s.y[i])) continue;
            if (!extent.any) {
                extent = {true, s.x[i], s.x[i], s.y[i], s.y[i]};
                continue;
            }
            extent.xLow = std::min(extent.xLow, s.x[i]);
            extent.xHigh = std::max(extent.xHigh, s.x[i]);
            extent.yLow = std::min(extent.yLow, s.y[i]);
            extent.yHigh = std::max(extent.yHigh, s.y[i]);
        }
    }
    return extent;
}

double clampProgress(double t) {
    if (!(t > 0.0)) return 0.0;  // NaN too
    return std::min(t, 1.0);
}

double positionIn(const Extent& extent, double t) {
    const double low = std::min(0.0, extent.xLow);
    return low + clampProgress(t) * (extent.xHigh - low);
}

}  // namespace

double FigureProgress::position(const FigureData& figure, double t) {
    const Extent extent = extentOf(figure);
    return extent.any ? positionIn(extent, t) : 0.0;
}

FigureData FigureProgress::at(const FigureData& figure, double t) {
    const Extent extent = extentOf(figure);
    if (!extent.any) return figure;
    FigureData cut = figure;
    cut.hasExtent = true;
    cut.extentXLow = extent.xLow;
    cut.extentXHigh = extent.xHigh;
    cut.extentYLow = extent.yLow;
    cut.extentYHigh = extent.yHigh;
    const bool whole = clampProgress(t) >= 1.0;
    const double reach = positionIn(extent, t);
    for (FigureData::Series& s : cut.series) {
        const std::size_t n = std::min(s.x.size(), s.y.size());
        s.wholeCount = n;
        s.interpolatedEnd = false;
        if (whole) continue;
        std::vector<double> x;
        std::vector<double> y;
        for (std::size_t i = 0; i < n; ++i) {
            if (s.x[i] <= reach) {
                x.push_back(s.x[i]);
                y.push_back(s.y[i]);
                continue;
            }
            // The first point past the reach: the curve ends between it and the one before.
            if (i > 0 && s.x[i - 1] < reach && std::isfinite(s.x[i]) && std::isfinite(s.y[i]) &&
                std::isfinite(s.y[i - 1])) {
                const double share = (reach - s.x[i - 1]) / (s.x[i] - s.x[i - 1]);
                x.push_back(reach);
                y.push_back(s.y[i - 1] + (s.y[i] - s.y[i - 1]) * share);
                s.interpolatedEnd = true;
            }
            break;
        }
        s.x = std::move(x);
        s.y = std::move(y);
    }
    return cut;
}

std::vector<FigureData> FigureProgress::at(const std::vector<FigureData>& panels, double t) {
    std::vector<FigureData> cut;
    cut.reserve(panels.size());
    for (const FigureData& panel : panels) cut.push_back(at(panel, t));
    return cut;
}

int FigureProgress::frameCount(int fps, double seconds) {
    const double frames = double(fps) * seconds;
    if (!(frames >= 1.0)) return 1;
    return int(std::lround(std::min(frames, 1e9)));
}

double FigureProgress::progressOf(int frame, int frames) {
    if (frames <= 1) return 1.0;
    return clampProgress(double(frame) / double(frames - 1));
}

}  // namespace shatter
