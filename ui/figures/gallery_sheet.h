#pragma once

#include <QImage>
#include <QString>

#include "corruption/corrupted_dataset.h"
#include "common/plot_theme.h"

namespace shatter {

// A printable sheet of training images, each with its true label and the label the network is
// trained on (highlighted where corruption changed it), in the figure style of the theme.
class GallerySheet {
public:
    // The first `count` training images, corrupted and clean alternating where both exist.
    static QImage render(const CorruptedDataset& data, const PlotTheme& theme, int count = 24, int columns = 6);
    static bool save(const CorruptedDataset& data, const PlotTheme& theme, const QString& path, QString* error);
};

}  // namespace shatter
