#include "figures/gallery_sheet.h"

#include <algorithm>

#include <QFontMetrics>
#include <QPainter>

#include "common/image_conversion.h"
#include "corruption/corruption_level.h"
#include "figures/series_style.h"

namespace shatter {

namespace {

std::vector<int> pickIndices(const CorruptedDataset& data, int count) {
    std::vector<int> corrupted, clean, picked;
    for (int i = 0; i < int(data.train.size()); ++i) (data.corrupted[i] ? corrupted : clean).push_back(i);
    std::size_t c = 0, k = 0;
    while (int(picked.size()) < count && (c < corrupted.size() || k < clean.size())) {
        if (c < corrupted.size()) picked.push_back(corrupted[c++]);
        if (int(picked.size()) < count && k < clean.size()) picked.push_back(clean[k++]);
    }
    std::sort(picked.begin(), picked.end());
    return picked;
}

QString name(const CorruptedDataset& data, int label) {
    if (label >= 0 && label < int(data.classNames.size())) return QString::fromStdString(data.classNames[label]);
    return QString::number(label);
}

}  // namespace

QImage GallerySheet::render(const CorruptedDataset& data, const PlotTheme& theme, int count, int columns) {
    const std::vector<int> indices = pickIndices(data, count);
    const double scale = 2.0;  // drawn at twice the logical size: sharp in slides and print
    QFont font = theme.exportFont();
    QFont titleFont = font;
    titleFont.setBold(true);
    const QFontMetrics metrics(font);
    const int line = metrics.height();
    const int side = theme.presentation ? 112 : 96;
    int widestLabel = metrics.horizontalAdvance("label: Sneaker (changed)");
    for (const std::string& className : data.classNames) {
        widestLabel = std::max(widestLabel,
                               metrics.horizontalAdvance("label: " + QString::fromStdString(className) + " (changed)"));
    }
    const int tileWidth = std::max(side + 16, widestLabel + 16);
    const int tileHeight = side + 2 * line + 16;
    const int rows = std::max(1, (int(indices.size()) + columns - 1) / columns);
    const int margin = 16;
    const int header = 2 * line + 12;
    const QSize logical(margin * 2 + columns * tileWidth, margin * 2 + header + rows * tileHeight);

    QImage image(logical * scale, QImage::Format_ARGB32);
    image.fill(theme.background());
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    painter.setPen(theme.foreground());
    painter.setFont(titleFont);
    const QString mode = data.mode == CorruptionMode::None
                             ? QString("true labels")
                             : QString("%1, level %2")
                                   .arg(QString::fromUtf8(corruptionModeInfo(data.mode).title))
                                   .arg(QString::fromStdString(formatLevel(data.level)));
    painter.drawText(QRect(margin, margin, logical.width() - 2 * margin, line + 4), Qt::AlignLeft,
                     "Training images: true label and the label the network learns (" + mode + ")");
    painter.setFont(font);
    QColor changed = theme.adapt(SeriesStyle::corrupted());
    painter.drawText(QRect(margin, margin + line + 4, logical.width() - 2 * margin, line + 4), Qt::AlignLeft,
                     QString("%1 of %2 training labels or images corrupted; changed labels are marked")
                         .arg(qulonglong(data.corruptedCount()))
                         .arg(qulonglong(data.train.size())));

    for (std::size_t n = 0; n < indices.size(); ++n) {
        const int index = indices[n];
        const int x = margin + int(n % columns) * tileWidth;
        const int y = margin + header + int(n / columns) * tileHeight;
        const QImage picture = toQImage(data.train, std::size_t(index))
                                   .scaled(side, side, Qt::IgnoreAspectRatio, Qt::FastTransformation);
        painter.drawImage(QRect(x + (tileWidth - side) / 2, y, side, side), picture);
        const bool corrupted = data.corrupted[index] != 0;
        painter.setPen(theme.foreground());
        painter.drawText(QRect(x, y + side + 4, tileWidth, line), Qt::AlignCenter,
                         "true: " + name(data, data.trueLabels[index]));
        const QRect labelRect(x + 4, y + side + 4 + line, tileWidth - 8, line);
        if (corrupted) {
            QColor background = changed;
            background.setAlpha(theme.dark ? 90 : 50);
            painter.fillRect(labelRect, background);
        }
        painter.setPen(corrupted ? (theme.dark ? changed.lighter(120) : changed.darker(130)) : theme.foreground());
        painter.drawText(labelRect, Qt::AlignCenter,
                         "label: " + name(data, data.train.labels[index]) + (corrupted ? " (changed)" : ""));
    }
    painter.end();
    const int dotsPerMeter = int(192 / 0.0254);
    image.setDotsPerMeterX(dotsPerMeter);
    image.setDotsPerMeterY(dotsPerMeter);
    return image;
}

bool GallerySheet::save(const CorruptedDataset& data, const PlotTheme& theme, const QString& path, QString* error) {
    if (render(data, theme).save(path, "PNG")) return true;
    if (error) *error = path + ": could not be written (is the folder writable?)";
    return false;
}

}  // namespace shatter
