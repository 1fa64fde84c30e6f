#pragma once

#include <vector>

#include "figure/figure_data.h"

namespace shatter {

// A figure part of the way through its run(s), for animations (`shatter-cli animate`, the
// window's "Export animation…"). Progress t in [0, 1] reaches x = t × (last x) (from the first x
// instead of 0 where that is negative): the epoch t × (last epoch) on the per-epoch charts; on a
// chart over something else (Figure 1 (b) and (c) over the corruption level, the forgetting
// counts) the curves are drawn from left to right in the same way. Every curve stops there, its
// last stretch interpolated between the two epochs around it, so that curves grow smoothly from
// frame to frame; the figure keeps its title, every series (the legend never changes) and, in
// its extent, the whole figure's x and y ranges, which the renderer fits the axes to, so that
// the plot never rescales while it plays.
class FigureProgress {
public:
    // The figure at progress t (clamped to [0, 1]; t = 1 is the whole figure, extent set). A
    // figure without points (a note) is returned as it is.
    static FigureData at(const FigureData& figure, double t);
    // Each panel at progress t, each over its own x axis.
    static std::vector<FigureData> at(const std::vector<FigureData>& panels, double t);
    // The x position progress t reaches.
    static double position(const FigureData& figure, double t);

    // An animation of `seconds` at `fps` frames a second has round(fps × seconds) frames (at
    // least 1); frame i of n shows progress i / (n − 1): the first frame empty axes, the last the
    // whole figure (a single frame: the whole figure).
    static int frameCount(int fps, double seconds);
    static double progressOf(int frame, int frames);
};

}  // namespace shatter
