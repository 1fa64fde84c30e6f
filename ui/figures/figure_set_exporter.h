#pragma once

#include <utility>
#include <vector>

#include <QString>
#include <QStringList>

#include "figure/figure_data.h"
#include "common/plot_theme.h"
#include "live/training_types.h"

namespace shatter {

// "Export figure set…": writes every figure as PNG, SVG, PDF and CSV into one folder, panels
// side by side (Figure 1's three) as slides in the same formats, plus a gallery sheet of
// training images, all in the same theme and with their captions.
class FigureSetExporter {
public:
    using NamedFigure = std::pair<QString, FigureData>;
    using NamedPanels = std::pair<QString, std::vector<FigureData>>;

    // Returns the files written; on the first failure stops and sets `error`. What could not be
    // written at all (the gallery sheet when no run's images are loaded) is named in `missing`,
    // so that the caller can say so.
    static QStringList write(const QString& folder, const std::vector<NamedFigure>& figures,
                             const SharedCorruptedDataset& gallery, const PlotTheme& theme, QString* error,
                             const std::vector<NamedPanels>& panelSets = {}, QStringList* missing = nullptr);
};

}  // namespace shatter
