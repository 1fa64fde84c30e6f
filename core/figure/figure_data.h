#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace shatter {

// The numbers behind one plot, independent of how it is drawn: title, axis titles and named
// series of (x, y) points. The GUI draws it on screen, exports it to PNG/SVG/PDF, and writes
// it to CSV; the CLI does the same offscreen.
struct FigureData {
    struct Series {
        std::string name;
        std::vector<double> x;
        std::vector<double> y;
        int colour = 0;      // index into the theme's palette
        int dash = 0;        // 0 solid; 1.. dashed variants (a second model, say)
        bool markers = false;
        int rgb = -1;        // 0xRRGGBB: a fixed colour instead of the palette's
        // A Figure 1 curve: which of true labels (0), random labels (1), shuffled pixels (2),
        // random pixels (3) and Gaussian (4) it shows. The renderer then draws it in that mode's
        // own colour, dash and marker (one table, ui/figures/series_style), instead of
        // `colour`, `dash` and `markers`; -1: not a mode's curve.
        int look = -1;
        int variant = 0;     // with a look: which model (0 the first), a shade of the look
        // A curve cut short for an animation frame (FigureProgress): how many points the whole
        // curve has, which spaces its thinned-out markers as on the whole figure (0: as many as
        // it has), and whether its last point lies between two of the data's (drawn, unmarked).
        std::size_t wholeCount = 0;
        bool interpolatedEnd = false;
    };

    std::string title;
    std::string xLabel;
    std::string yLabel;
    std::vector<Series> series;
    std::string note;        // shown instead of the curves when there are no points
    std::string caption;     // one line under an exported figure: the run(s) and key settings
    bool integerX = false;   // epochs: whole-number ticks
    bool hasYRange = false;  // fixed y axis instead of fitted
    double yLow = 0.0;
    double yHigh = 1.0;
    // The whole figure's extent (smallest and largest x and y of its points), set on a figure
    // cut short for an animation frame (FigureProgress): the axes are fitted to it as to the whole
    // figure's points, so that they stay put while the curves grow, and an empty frame shows no note.
    bool hasExtent = false;
    double extentXLow = 0.0;
    double extentXHigh = 0.0;
    double extentYLow = 0.0;
    double extentYHigh = 0.0;

    std::size_t pointCount() const;
    // Long format, one row per point: series,<x label>,<y label>. Names are quoted as needed;
    // values are written with full precision so that the CSV reproduces the plot.
    std::string toCsv() const;
    // Several panels (Figure 1's three) in one long table: panel,series,x,y, the panel named by
    // its title; the x and y labels of each panel are in its title's CSV, not repeated here.
    static std::string panelsCsv(const std::vector<FigureData>& panels);
};

}  // namespace shatter
