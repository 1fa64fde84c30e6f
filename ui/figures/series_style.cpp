#include "figures/series_style.h"

#include <qcustomplot.h>

#include "common/plot_theme.h"

namespace shatter {

SeriesStyle::Look SeriesStyle::look(int index, const PlotTheme& theme, int variant) {
    // The one table of Figure 1's looks. The colours are the theme palette's first five.
    static const Look looks[kLookCount] = {
        {{}, Qt::SolidLine, QCPScatterStyle::ssDisc, true, 7.0, 0},          // true labels
        {{}, Qt::DashLine, QCPScatterStyle::ssSquare, false, 9.0, 1},        // random labels
        {{}, Qt::DotLine, QCPScatterStyle::ssTriangle, false, 13.0, 3},      // shuffled pixels
        {{}, Qt::DashDotLine, QCPScatterStyle::ssDiamond, true, 9.0, 2},     // random pixels
        {{}, Qt::DashDotDotLine, QCPScatterStyle::ssCross, false, 12.0, 4},  // Gaussian
    };
    const int i = ((index % kLookCount) + kLookCount) % kLookCount;
    Look look = looks[i];
    look.colour = theme.paletteColour(i);
    if (variant > 0) look.colour = theme.dark ? look.colour.lighter(100 + 30 * variant) : look.colour.darker(100 + 45 * variant);
    if (theme.presentation) look.size *= 1.5;
    return look;
}

QCPScatterStyle SeriesStyle::marker(const Look& look, const PlotTheme& theme) {
    QPen pen(look.colour, theme.presentation ? 2.5 : 1.6);
    pen.setJoinStyle(Qt::MiterJoin);
    return QCPScatterStyle(QCPScatterStyle::ScatterShape(look.shape), pen, look.filled ? QBrush(look.colour) : QBrush(Qt::NoBrush),
                           look.size);
}

}  // namespace shatter
