#include "experiment/corruption_tile.h"

#include <QPainter>
#include <algorithm>

#include "common/image_conversion.h"
#include "figures/series_style.h"

namespace shatter {

namespace {
constexpr int kImageSide = 72;
constexpr int kMaxTextWidth = 150;  // longer label lines are elided
constexpr int kPadding = 4;
}  // namespace

CorruptionTile::CorruptionTile(const QImage& image, bool corrupted, const QStringList& lines,
                               int changedLine, QWidget* parent)
    : QWidget(parent),
      m_image(image),
      m_corrupted(corrupted),
      m_lines(lines),
      m_changedLine(changedLine),
      m_theme(PlotTheme::current()) {
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QString CorruptionTile::caption() const { return m_corrupted ? "corrupted" : "original"; }

void CorruptionTile::applyTheme(const PlotTheme& theme) {
    m_theme = theme;
    updateGeometry();
    update();
}

void CorruptionTile::setUniformWidth(int width) {
    if (width == m_uniformWidth) return;
    m_uniformWidth = width;
    updateGeometry();
}

int CorruptionTile::imageSide() const { return int(kImageSide * m_theme.fontScale()); }

int CorruptionTile::frameWidth() const {
    const int width = m_corrupted ? 4 : 2;
    return m_theme.presentation ? width + 1 : width;
}

QColor CorruptionTile::markColour(bool corrupted) const {
    const QColor colour = corrupted ? SeriesStyle::corrupted() : SeriesStyle::clean();
    // As the gallery's labels: darker on white for contrast, lighter on a dark background.
    return m_theme.dark ? colour.lighter(125) : colour.darker(corrupted ? 115 : 125);
}

QSize CorruptionTile::sizeHint() const {
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int framed = imageSide() + 2 * 4 + 2;  // room for the thickest frame either way
    int textWidth = metrics.horizontalAdvance(caption());
    for (const QString& line : m_lines)
        textWidth = std::max(textWidth, metrics.horizontalAdvance(line));
    const int maxText = int(kMaxTextWidth * m_theme.fontScale());
    const int width =
        std::max(std::max(framed, std::min(textWidth, maxText)) + 2 * kPadding, m_uniformWidth);
    const int lines = 1 + int(m_lines.size());
    return QSize(width, framed + kPadding + lines * (metrics.height() + 1) + kPadding);
}

void CorruptionTile::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const int side = imageSide();
    const int frame = frameWidth();
    const int framedSide = side + 2 * frame;
    const int outer = imageSide() + 2 * 4 + 2;
    const QPoint frameTopLeft((width() - framedSide) / 2, (outer - framedSide) / 2);
    painter.fillRect(QRect(frameTopLeft, QSize(framedSide, framedSide)), markColour(m_corrupted));
    painter.drawPixmap(frameTopLeft + QPoint(frame, frame),
                       crispPixmap(m_image, side, devicePixelRatioF()));

    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    const int lineHeight = metrics.height() + 1;
    int y = outer + kPadding;
    auto drawLine = [&](const QString& text, const QColor& colour, bool strong) {
        painter.setFont(strong ? bold : font());
        painter.setPen(colour);
        const QRect rect(0, y, width(), lineHeight);
        painter.drawText(
            rect, Qt::AlignHCenter | Qt::AlignVCenter,
            QFontMetrics(painter.font()).elidedText(text, Qt::ElideRight, width() - 2));
        y += lineHeight;
    };
    drawLine(caption(), markColour(m_corrupted), true);
    const QColor text = palette().color(QPalette::WindowText);
    for (int i = 0; i < int(m_lines.size()); ++i) {
        const bool changed = i == m_changedLine;
        drawLine(m_lines[i], changed ? markColour(true) : text, changed);
    }
}

}  // namespace shatter
