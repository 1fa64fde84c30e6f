#include <cstdio>

#include <QApplication>
#include <QString>

#include "cli/commands.h"
#include "cli/figure_input.h"
#include "figures/figure_renderer.h"
#include "common/plot_theme.h"

namespace shatter {

int runFigureCommand(const FigureOptions& options) {
    if (options.out.empty() && options.csv.empty()) {
        std::fprintf(stderr, "shatter-cli figure: give --out FILE.png|svg|pdf and/or --csv FILE.csv\n");
        return kExitBadInput;
    }
    FigureRenderer::Format format = FigureRenderer::Format::Png;
    if (!options.out.empty() && (!FigureRenderer::formatFor(QString::fromStdString(options.out), &format) ||
                                 format == FigureRenderer::Format::Csv)) {
        std::fprintf(stderr, "shatter-cli figure: %s: --out must end in .png, .svg or .pdf\n", options.out.c_str());
        return kExitBadInput;
    }

    // figure1: panels (a), (b) and (c) side by side on one slide; any other metric: one figure.
    std::vector<FigureData> panels;
    if (!loadFigurePanels("shatter-cli figure", options.folders, options.metric, options.caption, options.title,
                          &panels)) {
        return kExitBadInput;
    }
    const bool slide = panels.size() > 1;

    if (!options.csv.empty()) {
        QString error;
        const QString csv = QString::fromStdString(options.csv);
        if (!(slide ? FigureRenderer::savePanels(panels, PlotTheme(), csv, QSize(), 0, &error)
                    : FigureRenderer::saveCsv(panels.front(), csv, &error))) {
            std::fprintf(stderr, "shatter-cli figure: %s\n", qPrintable(error));
            return kExitFailed;
        }
        std::printf("%s\n", options.csv.c_str());
    }
    if (options.out.empty()) return kExitOk;

    const std::unique_ptr<QApplication> app = startOffscreenApplication();

    PlotTheme theme;
    theme.presentation = options.presentation;
    theme.dark = options.dark;
    const bool png = format == FigureRenderer::Format::Png;
    const QSize standard = slide ? (png ? QSize(FigureRenderer::kSlideWidth, FigureRenderer::kSlideHeight)
                                        : QSize(FigureRenderer::kSlideWidthPoints, FigureRenderer::kSlideHeightPoints))
                                 : (png ? QSize(FigureRenderer::kDefaultWidth, FigureRenderer::kDefaultHeight)
                                        : QSize(768, 480));
    const QSize size(options.width > 0 ? options.width : standard.width(),
                     options.height > 0 ? options.height : standard.height());
    const int dpi = options.dpi > 0 ? options.dpi : (slide ? FigureRenderer::kSlideDpi : FigureRenderer::kDefaultDpi);
    const QString out = QString::fromStdString(options.out);
    QString error;
    if (!(slide ? FigureRenderer::savePanels(panels, theme, out, size, dpi, &error)
                : FigureRenderer::save(panels.front(), theme, out, size, dpi, &error))) {
        std::fprintf(stderr, "shatter-cli figure: %s\n", qPrintable(error));
        return kExitFailed;
    }
    std::printf("%s\n", options.out.c_str());
    return kExitOk;
}

}  // namespace shatter
