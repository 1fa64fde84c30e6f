#include <cstdio>
#include <cstdlib>

#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include "cli/commands.h"
#include "figure/figure_builder.h"
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

    FigureData figure;
    try {
        const RunCollector::Result collected = RunCollector::collect(options.folders);
        for (const std::string& skipped : collected.skipped) {
            std::fprintf(stderr, "shatter-cli figure: skipped %s\n", skipped.c_str());
        }
        figure = FigureBuilder::metric(collected.runs, options.metric);
    } catch (const ShatterError& error) {
        std::fprintf(stderr, "shatter-cli figure: %s\n", error.what());
        return kExitBadInput;
    }
    if (!options.title.empty()) figure.title = options.title;

    if (!options.csv.empty()) {
        QString error;
        if (!FigureRenderer::saveCsv(figure, QString::fromStdString(options.csv), &error)) {
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
    const QSize size(options.width > 0 ? options.width : (png ? FigureRenderer::kDefaultWidth : 768),
                     options.height > 0 ? options.height : (png ? FigureRenderer::kDefaultHeight : 480));
    QString error;
    if (!FigureRenderer::save(figure, theme, QString::fromStdString(options.out), size, options.dpi, &error)) {
        std::fprintf(stderr, "shatter-cli figure: %s\n", qPrintable(error));
        return kExitFailed;
    }
    std::printf("%s\n", options.out.c_str());
    return kExitOk;
}

}  // namespace shatter
