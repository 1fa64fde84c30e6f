#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include "cli/commands.h"
#include "figure/figure_builder.h"
#include "figure/figure_caption.h"
#include "figure/run_collector.h"
#include "figures/figure_renderer.h"
#include "common/plot_theme.h"
#include "shatter_error.h"

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
    try {
        const RunCollector::Result collected = RunCollector::collect(options.folders);
        for (const std::string& skipped : collected.skipped) {
            std::fprintf(stderr, "shatter-cli figure: skipped %s\n", skipped.c_str());
        }
        panels = FigureBuilder::panels(collected.runs, options.metric);
        // The caption names the one folder given (a sweep's, a run's) and the runs' settings.
        const std::string name =
            options.folders.size() == 1 ? QDir(QString::fromStdString(options.folders.front())).dirName().toStdString()
                                        : std::string();
        const std::string caption = options.caption ? FigureCaption::forRuns(name, collected.runs) : std::string();
        for (FigureData& panel : panels) panel.caption = caption;
    } catch (const ShatterError& error) {
        std::fprintf(stderr, "shatter-cli figure: %s\n", error.what());
        return kExitBadInput;
    }
    const bool slide = panels.size() > 1;
    if (!options.title.empty()) panels.front().title = options.title;

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

    // Rendering needs a QApplication; without a display, draw offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // A headless server often has no session runtime folder; give Qt a private one instead of
    // letting it warn on every run.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QDir::tempPath().toUtf8() + "/shatter-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromUtf8(runtime));
        QFile::setPermissions(QString::fromUtf8(runtime), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime);
    }
    static int argc = 1;
    static char name[] = "shatter-cli";
    static char* argv[] = {name, nullptr};
    QApplication app(argc, argv);

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
