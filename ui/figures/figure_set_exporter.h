#pragma once

#include <utility>
#include <vector>

#include <QString>
#include <QStringList>

#include "figure/figure_data.h"
#include "common/plot_theme.h"
#include "live/training_types.h"

namespace shatter {

// "Export figure set…": writes every figure as PNG, SVG, PDF and CSV into one folder, plus a
// gallery sheet of training images, all in the same theme.
class FigureSetExporter {
public:
    using NamedFigure = std::pair<QString, FigureData>;

    // Returns the files written; on the first failure stops and sets `error`. What could not be
    // written at all (the gallery sheet when no run's images are loaded) is named in `missing`,
    // so that the caller can say so.
    static QStringList write(const QString& folder, const std::vector<NamedFigure>& figures,
                             const SharedCorruptedDataset& gallery, const PlotTheme& theme, QString* error,
                             QStringList* missing = nullptr);
};

}  // namespace shatter
