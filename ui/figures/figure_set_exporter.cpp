#include "figures/figure_set_exporter.h"

#include <QDir>

#include "figures/figure_renderer.h"
#include "figures/gallery_sheet.h"

namespace shatter {

QStringList FigureSetExporter::write(const QString& folder, const std::vector<NamedFigure>& figures,
                                     const SharedCorruptedDataset& gallery, const PlotTheme& theme, QString* error,
                                     const std::vector<NamedPanels>& panelSets, QStringList* missing) {
    QStringList written;
    if (!QDir().mkpath(folder)) {
        if (error) *error = folder + ": cannot create the folder";
        return written;
    }
    const QDir dir(folder);
    for (const NamedFigure& figure : figures) {
        const QString stem = dir.filePath(figure.first);
        const QSize pngSize(FigureRenderer::kDefaultWidth, FigureRenderer::kDefaultHeight);
        const QSize vectorSize(768, 480);
        const std::pair<QString, QSize> outputs[] = {
            {".png", pngSize}, {".svg", vectorSize}, {".pdf", vectorSize}, {".csv", vectorSize}};
        for (const auto& [suffix, size] : outputs) {
            if (!FigureRenderer::save(figure.second, theme, stem + suffix, size, FigureRenderer::kDefaultDpi, error)) {
                return written;
            }
            written << stem + suffix;
        }
    }
    for (const NamedPanels& set : panelSets) {
        const QString stem = dir.filePath(set.first);
        const std::pair<QString, QSize> outputs[] = {
            {".png", QSize(FigureRenderer::kSlideWidth, FigureRenderer::kSlideHeight)},
            {".svg", QSize(FigureRenderer::kSlideWidthPoints, FigureRenderer::kSlideHeightPoints)},
            {".pdf", QSize(FigureRenderer::kSlideWidthPoints, FigureRenderer::kSlideHeightPoints)}};
        for (const auto& [suffix, size] : outputs) {
            if (!FigureRenderer::savePanels(set.second, theme, stem + suffix, size, FigureRenderer::kSlideDpi, error)) {
                return written;
            }
            written << stem + suffix;
        }
    }
    if (gallery) {
        const QString path = dir.filePath("gallery-true-vs-assigned-labels.png");
        if (!GallerySheet::save(*gallery, theme, path, error)) return written;
        written << path;
    } else if (missing) {
        *missing << "the gallery sheet: no run's training images are loaded (train a run or a "
                    "sweep in this window first)";
    }
    return written;
}

}  // namespace shatter
