#pragma once

#include <cstddef>

#include <QImage>
#include <QPixmap>

#include "data/image_set.h"

namespace shatter {

// One image of a set (planar uint8, 1 or 3 channels) as a QImage.
QImage toQImage(const ImageSet& set, std::size_t index);
// Scaled by whole pixels (nearest neighbour) to `side` logical pixels, sharp on high-DPI screens.
QPixmap crispPixmap(const QImage& image, int side, qreal devicePixelRatio);

}  // namespace shatter
