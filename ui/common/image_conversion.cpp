#include "common/image_conversion.h"

namespace shatter {

QImage toQImage(const ImageSet& set, std::size_t index) {
    if (index >= set.size() || set.channels <= 0) return {};
    const int w = set.width;
    const int h = set.height;
    const std::uint8_t* pixels = set.image(index);
    const std::size_t plane = static_cast<std::size_t>(w) * static_cast<std::size_t>(h);
    if (set.channels == 1) {
        QImage image(w, h, QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y) {
            std::copy_n(pixels + static_cast<std::size_t>(y) * w, w, image.scanLine(y));
        }
        return image;
    }
    QImage image(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            const std::size_t at = static_cast<std::size_t>(y) * w + x;
            for (int c = 0; c < 3; ++c) line[3 * x + c] = pixels[c * plane + at];
        }
    }
    return image;
}

QPixmap crispPixmap(const QImage& image, int side, qreal devicePixelRatio) {
    if (image.isNull()) return {};
    const int physical = qRound(side * devicePixelRatio);
    QPixmap pixmap = QPixmap::fromImage(
        image.scaled(physical, physical, Qt::KeepAspectRatio, Qt::FastTransformation));
    pixmap.setDevicePixelRatio(devicePixelRatio);
    return pixmap;
}

}  // namespace shatter
