#include "common/plot_theme.h"

#include <iterator>

#include <QApplication>
#include <qcustomplot.h>

#include "common/app_settings.h"

namespace shatter {

namespace {

PlotTheme& currentTheme() {
    static PlotTheme theme = PlotTheme::fromSettings();
    return theme;
}

// Okabe & Ito (2008), ordered so that the first colours are the most distinct on each background.
const QColor kLight[] = {QColor(0, 114, 178),   QColor(213, 94, 0),   QColor(0, 158, 115),
                         QColor(204, 121, 167), QColor(230, 159, 0),  QColor(86, 180, 233),
                         QColor(0, 0, 0),       QColor(240, 228, 66)};
const QColor kDark[] = {QColor(86, 180, 233),  QColor(230, 159, 0),   QColor(0, 158, 115),
                        QColor(204, 121, 167), QColor(240, 228, 66),  QColor(213, 94, 0),
                        QColor(255, 255, 255), QColor(0, 114, 178)};

}  // namespace

PlotTheme PlotTheme::fromSettings() {
    PlotTheme theme;
    theme.presentation = AppSettings::presentationMode.value();
    theme.dark = AppSettings::darkPlots.value();
    return theme;
}

void PlotTheme::save() const {
    AppSettings::presentationMode.setValue(presentation);
    AppSettings::darkPlots.setValue(dark);
}

const PlotTheme& PlotTheme::current() { return currentTheme(); }

void PlotTheme::setCurrent(const PlotTheme& theme) { currentTheme() = theme; }

QFont PlotTheme::screenBaseFont() {
    static const QFont base = QApplication::font();
    return base;
}

QFont PlotTheme::font(const QFont& base) const {
    QFont scaled = base;
    if (base.pointSizeF() > 0) scaled.setPointSizeF(base.pointSizeF() * fontScale());
    else scaled.setPixelSize(int(base.pixelSize() * fontScale()));
    return scaled;
}

QFont PlotTheme::exportFont() const {
    QFont font;
    font.setPointSizeF(presentation ? 14.0 : 10.0);
    return font;
}

QColor PlotTheme::background() const {
    if (dark) return presentation ? QColor(0, 0, 0) : QColor(30, 30, 34);
    return QColor(255, 255, 255);
}

QColor PlotTheme::foreground() const {
    if (dark) return presentation ? QColor(255, 255, 255) : QColor(225, 225, 225);
    return presentation ? QColor(0, 0, 0) : QColor(30, 30, 30);
}

QColor PlotTheme::grid() const {
    if (dark) return presentation ? QColor(90, 90, 90) : QColor(70, 70, 76);
    return presentation ? QColor(190, 190, 190) : QColor(220, 220, 220);
}

QColor PlotTheme::readoutBackground() const {
    return dark ? QColor(50, 50, 40, 235) : QColor(255, 255, 224, 235);
}

QColor PlotTheme::paletteColour(int index) const {
    const int n = int(std::size(kLight));
    const int i = ((index % n) + n) % n;
    return dark ? kDark[i] : kLight[i];
}

QColor PlotTheme::adapt(const QColor& colour) const {
    if (!dark) return colour;
    // The Okabe-Ito blue and the violet are too dark on black: use lighter counterparts.
    if (colour == QColor(0, 114, 178)) return QColor(86, 180, 233);
    if (colour == QColor(0, 0, 0)) return QColor(255, 255, 255);
    return colour.lightness() < 120 ? colour.lighter(170) : colour;
}

Qt::PenStyle PlotTheme::dash(int index) {
    static const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine,
                                          Qt::DashDotDotLine};
    return styles[((index % 5) + 5) % 5];
}

void PlotTheme::apply(QCustomPlot* plot, const QFont& font) const {
    const QColor fg = foreground();
    plot->setBackground(background());
    const double axisWidth = presentation ? 2.0 : 1.0;
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(background());
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(QPen(fg, axisWidth));
            axis->setTickPen(QPen(fg, axisWidth));
            axis->setSubTickPen(QPen(fg, axisWidth * 0.7));
            axis->setLabelColor(fg);
            axis->setTickLabelColor(fg);
            axis->setLabelFont(font);
            axis->setTickLabelFont(font);
            axis->grid()->setPen(QPen(grid(), 1, Qt::DotLine));
            axis->grid()->setZeroLinePen(Qt::NoPen);
        }
    }
    if (plot->legend) {
        plot->legend->setFont(font);
        plot->legend->setTextColor(fg);
        plot->legend->setBrush(Qt::NoBrush);
        plot->legend->setBorderPen(Qt::NoPen);
        plot->legend->setIconSize(presentation ? 48 : 36, presentation ? 16 : 12);
        for (int i = 0; i < plot->legend->itemCount(); ++i) {
            if (QCPAbstractLegendItem* item = plot->legend->item(i)) {  // columns leave empty cells
                item->setFont(font);
                item->setTextColor(fg);
            }
        }
    }
    // Titles in bold, a figure's caption (named "figureCaption") in the plain font, wherever
    // they sit in the layout.
    QFont bold = font;
    bold.setBold(true);
    bold.setPointSizeF(font.pointSizeF() * 1.1);
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        if (auto* text = qobject_cast<QCPTextElement*>(element)) {
            text->setFont(text->objectName() == kCaptionName ? font : bold);
            text->setTextColor(fg);
        }
    }
}

QPalette PlotTheme::windowPalette(const QPalette& light) const {
    if (!dark) return light;
    QPalette p;
    const QColor window(37, 37, 41), base(25, 25, 28), text(230, 230, 230);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window.lighter(115));
    p.setColor(QPalette::ToolTipBase, window);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window.lighter(110));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Highlight, QColor(86, 180, 233));
    p.setColor(QPalette::HighlightedText, Qt::black);
    p.setColor(QPalette::Link, QColor(86, 180, 233));
    p.setColor(QPalette::PlaceholderText, text.darker(150));
    p.setColor(QPalette::Disabled, QPalette::Text, text.darker(170));
    p.setColor(QPalette::Disabled, QPalette::WindowText, text.darker(170));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, text.darker(170));
    return p;
}

}  // namespace shatter
