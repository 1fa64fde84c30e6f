#pragma once

#include <QColor>

class QCPScatterStyle;

namespace shatter {

struct PlotTheme;

// The colours of the curves, shared by the plots and the gallery so that "corrupted" looks the
// same everywhere. Chosen to stay apart for colour-blind viewers (Okabe-Ito palette).
struct SeriesStyle {
    static QColor train() { return QColor(0, 114, 178); }      // blue
    static QColor clean() { return QColor(0, 158, 115); }      // green
    static QColor corrupted() { return QColor(213, 94, 0); }   // vermillion
    static QColor test() { return QColor(204, 121, 167); }     // reddish purple
    static QColor gap() { return QColor(86, 70, 160); }        // violet
    // Corrupted examples predicted as their true class (Arpit et al. 2017).
    static QColor predictedTrue() { return QColor(230, 159, 0); }  // orange
    // How one curve of Figure 1 looks: true labels (0), random labels (1), shuffled pixels (2),
    // random pixels (3), Gaussian (4) (FigureData::Series::look). Each mode has its own colour,
    // dash and marker; curves that lie exactly on top of each other (true labels and shuffled
    // pixels in panel (a), random pixels and Gaussian) still show both: a small filled marker
    // inside a larger open one of another shape, dashes of one colour over the line of another,
    // and on long curves the markers of each mode at other epochs.
    struct Look {
        QColor colour;
        Qt::PenStyle dash;
        int shape;    // QCPScatterStyle::ScatterShape
        bool filled;
        double size;  // marker size in pixels at the normal theme
        int phase;    // where the markers of a thinned-out curve start, in fifths of the spacing
    };
    static constexpr int kLookCount = 5;
    // The look `index` (wraps around) in `theme`, with the colour, line width and marker size
    // for that theme; `variant` > 0 (a second model) shades the colour.
    static Look look(int index, const PlotTheme& theme, int variant = 0);
    // The marker of a look, for a graph.
    static QCPScatterStyle marker(const Look& look, const PlotTheme& theme);
};

}  // namespace shatter
