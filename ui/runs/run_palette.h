#pragma once

#include <QColor>
#include <Qt>
#include <array>

#include "common/plot_theme.h"

namespace shatter {

// The colours and line styles of runs in the RUNS list and the comparison plots, by colour slot
// (RunColourSlots, assigned by RunTableModel): the Okabe-Ito colours first, all solid; slots
// beyond them bring the same colours back dashed, then dotted, and so on. Okabe-Ito's yellow is
// left out (too faint on white); its black is drawn white on dark plots (PlotTheme::adapt).
struct RunPalette {
    static constexpr int kColours = 7;

    static QColor colour(int slot) {
        static const std::array<QColor, kColours> colours = {
            QColor(0, 114, 178),   QColor(213, 94, 0),  QColor(0, 158, 115), QColor(204, 121, 167),
            QColor(86, 180, 233),  QColor(230, 159, 0), QColor(0, 0, 0)};
        const int index = slot < 0 ? 0 : slot % kColours;
        return colours[static_cast<std::size_t>(index)];
    }

    // The line style index of a slot, as PlotTheme::dash and FigureData::Series::dash take it.
    static int dash(int slot) { return slot < 0 ? 0 : slot / kColours; }
    static Qt::PenStyle lineStyle(int slot) { return PlotTheme::dash(dash(slot)); }
};

}  // namespace shatter
