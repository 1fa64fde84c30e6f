#pragma once

#include <vector>

#include <QImage>
#include <QList>
#include <QSize>
#include <QString>

#include "figure/figure_data.h"
#include "common/plot_theme.h"

class QCPAbstractLegendItem;
class QCPAxis;
class QCPRange;
class QCPLegend;
class QCustomPlot;

namespace shatter {

// Draws a FigureData in the one style Shatter uses everywhere (title, legend under it, axis
// titles, the theme's palette and line widths, Figure 1's per-mode looks) and saves it; also
// several panels side by side with one legend (Figure 1's three, for a slide). Shared by the
// window's plots, the figure set export and `shatter-cli figure`.
class FigureRenderer {
public:
    enum class Format { Png, Svg, Pdf, Csv };

    // Clears `plot` and draws the figure on it with `font` as the base font; the caption, which
    // the window shows elsewhere, only with `withCaption` (as exported files have it).
    static void draw(QCustomPlot* plot, const FigureData& figure, const PlotTheme& theme, const QFont& font,
                     bool withCaption = false);
    // Clears `plot` and draws `panels` side by side: one legend above them for every curve (a
    // look that appears in several panels is listed once), each panel's title above it, the
    // first panel's caption under them.
    static void drawPanels(QCustomPlot* plot, const std::vector<FigureData>& panels, const PlotTheme& theme,
                           const QFont& font, bool withCaption = true);
    // The value axis spans every graph's data, from zero (or below), with 8% headroom on top:
    // one rule for the live charts and the exported figures.
    // With `include`, the axis spans that range too (an animation frame's whole extent).
    static void fitValueAxis(QCustomPlot* plot);
    static void fitValueAxis(QCustomPlot* plot, QCPAxis* valueAxis, const QCPRange* include = nullptr);
    // As many legend columns as fit `width` pixels with every name whole; rearranges the items.
    static int fitLegendColumns(QCPLegend* legend, int width);
    // The height `plot` needs for each chart to be as tall as its rotated y axis title, which
    // would otherwise reach up into the title; the rest of the layout keeps its present height.
    static int heightForAxisTitles(QCustomPlot* plot);
    // The legend's items, without the empty cells a legend in columns has after its last one.
    static QList<QCPAbstractLegendItem*> legendItems(const QCPLegend* legend);

    // The format named by the file's suffix (.png, .svg, .pdf, .csv); false when unknown.
    static bool formatFor(const QString& path, Format* format);

    // Writes the figure. PNG: `size` in pixels at `dpi` (type is scaled so it reads the same at
    // any DPI); SVG and PDF: `size` in points (1/72 inch). Returns false with a message a user
    // can act on in `error`.
    static bool save(const FigureData& figure, const PlotTheme& theme, const QString& path, QSize size,
                     int dpi, QString* error);
    // The image save() writes to PNG, and the one savePanels() writes (an animation's frames).
    static QImage image(const FigureData& figure, const PlotTheme& theme, QSize size, int dpi);
    static QImage panelsImage(const std::vector<FigureData>& panels, const PlotTheme& theme, QSize size, int dpi);
    // The same for panels side by side (drawPanels); CSV: FigureData::panelsCsv.
    static bool savePanels(const std::vector<FigureData>& panels, const PlotTheme& theme, const QString& path,
                           QSize size, int dpi, QString* error);
    static bool saveCsv(const FigureData& figure, const QString& path, QString* error);

    static constexpr int kDefaultWidth = 1600;
    static constexpr int kDefaultHeight = 1000;
    static constexpr int kDefaultDpi = 200;
    // Panels side by side fill a 16:9 slide: 1920 x 1080 pixels, or 960 x 540 points (13.3 x
    // 7.5 inches, a presentation program's wide slide).
    static constexpr int kSlideWidth = 1920;
    static constexpr int kSlideHeight = 1080;
    static constexpr int kSlideDpi = 144;
    static constexpr int kSlideWidthPoints = 960;
    static constexpr int kSlideHeightPoints = 540;
};

}  // namespace shatter
