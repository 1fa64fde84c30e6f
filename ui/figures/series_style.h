#pragma once

#include <QColor>

namespace shatter {

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
};

}  // namespace shatter
