#pragma once

#include <QProxyStyle>

namespace shatter {

// The application's style with check boxes, radio buttons and the ticks of item views outlined
// in the palette's text colour when the palette is dark. Fusion outlines them in a shade of the
// window colour, which on the dark theme is all but invisible.
class IndicatorStyle : public QProxyStyle {
    Q_OBJECT

public:
    using QProxyStyle::QProxyStyle;

    // Makes it the application's style, once; the base style stays the one in use.
    static void install();
    static bool isDark(const QPalette& palette);

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget = nullptr) const override;
};

}  // namespace shatter
