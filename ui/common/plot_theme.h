#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>

class QCustomPlot;

namespace shatter {

// How plots and the window look: light or dark, and presentation mode (larger type, thicker
// lines, a high-contrast background) for a projector at the back of a room. Colours come from
// the Okabe-Ito palette, which stays distinguishable for colour-blind viewers. The same theme
// styles the live plots, the gallery and every exported figure.
struct PlotTheme {
    bool presentation = false;
    bool dark = false;

    // The theme saved in the user's settings, and the one in use now (set by the main window).
    static PlotTheme fromSettings();
    void save() const;
    static const PlotTheme& current();
    static void setCurrent(const PlotTheme& theme);

    // The application's font before any theme scaled it (captured on first use).
    static QFont screenBaseFont();

    double lineWidth() const { return presentation ? 4.0 : 2.5; }
    double fontScale() const { return presentation ? 1.45 : 1.0; }
    // The base font of plots: `base` scaled for presentation mode.
    QFont font(const QFont& base) const;
    // The font of exported figures, independent of the screen: 10 pt, 14 pt in presentation mode.
    QFont exportFont() const;

    QColor background() const;
    QColor foreground() const;
    QColor grid() const;
    QColor readoutBackground() const;
    // The i-th colour of the palette (wraps around).
    QColor paletteColour(int index) const;
    // A fixed colour (SeriesStyle) made readable on this theme's background.
    QColor adapt(const QColor& colour) const;
    static Qt::PenStyle dash(int index);
    static constexpr const char* kCaptionName = "figureCaption";

    // Background, axes (of every axis rect), grid, tick labels, legend and texts of a plot; not
    // its graphs. Text elements are titles (bold) except the one named kCaptionName.
    void apply(QCustomPlot* plot, const QFont& font) const;
    // The application palette for the whole window (dark, or the platform's light one).
    QPalette windowPalette(const QPalette& light) const;

    bool operator==(const PlotTheme&) const = default;
};

}  // namespace shatter
