#pragma once

#include <QColor>
#include <QString>
#include <array>

#include "run/run_library.h"

namespace shatter {

// The colours and line styles of runs in the run list and the comparison plots. A run's colour
// comes from its folder name, so it keeps it across launches and on other machines; where two
// compared runs share a colour the line style still tells them apart.
struct RunPalette {
    static constexpr int kSize = 8;

    static QColor colour(int index) {
        // Okabe-Ito without its yellow (too faint on white), plus two darker tones.
        static const std::array<QColor, kSize> colours = {
            QColor(0, 114, 178),  QColor(213, 94, 0),  QColor(0, 158, 115), QColor(204, 121, 167),
            QColor(86, 180, 233), QColor(230, 159, 0), QColor(80, 80, 80),  QColor(136, 34, 85)};
        return colours[static_cast<std::size_t>(((index % kSize) + kSize) % kSize)];
    }

    static QColor colourFor(const QString& directory) {
        return colour(static_cast<int>(RunLibrary::colourIndex(directory.toStdString(), kSize)));
    }

    // The n-th compared run's line style.
    static Qt::PenStyle lineStyle(int position) {
        static const std::array<Qt::PenStyle, 5> styles = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                                           Qt::DashDotLine, Qt::DashDotDotLine};
        return styles[static_cast<std::size_t>(position) % styles.size()];
    }
};

}  // namespace shatter
