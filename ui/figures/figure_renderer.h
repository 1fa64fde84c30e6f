#pragma once

#include <QSize>
#include <QString>

#include "figure/figure_data.h"
#include "common/plot_theme.h"

class QCustomPlot;

namespace shatter {

// Draws a FigureData in the one style Shatter uses everywhere (title, legend under it, axis
// titles, the theme's palette and line widths) and saves it. Shared by the window's plots, the
// figure set export and `shatter-cli figure`.
class FigureRenderer {
public:
    enum class Format { Png, Svg, Pdf, Csv };

    // Clears `plot` and draws the figure on it with `font` as the base font.
    static void draw(QCustomPlot* plot, const FigureData& figure, const PlotTheme& theme, const QFont& font);
    // The value axis spans every graph's data, from zero (or below), with 8% headroom on top:
    // one rule for the live charts and the exported figures.
    static void fitValueAxis(QCustomPlot* plot);

    // The format named by the file's suffix (.png, .svg, .pdf, .csv); false when unknown.
    static bool formatFor(const QString& path, Format* format);

    // Writes the figure. PNG: `size` in pixels at `dpi` (type is scaled so it reads the same at
    // any DPI); SVG and PDF: `size` in points (1/72 inch). Returns false with a message a user
    // can act on in `error`.
    static bool save(const FigureData& figure, const PlotTheme& theme, const QString& path, QSize size,
                     int dpi, QString* error);
    static bool saveCsv(const FigureData& figure, const QString& path, QString* error);

    static constexpr int kDefaultWidth = 1600;
    static constexpr int kDefaultHeight = 1000;
    static constexpr int kDefaultDpi = 200;
};

}  // namespace shatter
