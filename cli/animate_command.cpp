#include <csignal>
#include <cstdio>

#include <unistd.h>

#include <QApplication>
#include <QString>

#include "cli/commands.h"
#include "cli/figure_input.h"
#include "common/plot_theme.h"
#include "figure/animation_settings.h"
#include "figures/animation_renderer.h"
#include "video/video_writer.h"

namespace shatter {

namespace {

constexpr const char* kCommand = "shatter-cli animate";

volatile std::sig_atomic_t g_interrupted = 0;

void stopOnSignal(int) { g_interrupted = 1; }

}  // namespace

int runAnimateCommand(const AnimateOptions& options) {
    VideoWriter::Format format;
    if (!VideoWriter::formatFor(options.out, &format)) {
        std::fprintf(stderr, "%s: %s: --out must end in %s\n", kCommand, options.out.c_str(),
                     VideoWriter::allowedExtensions().c_str());
        return kExitBadInput;
    }
    if (!VideoWriter::available(format)) {
        std::fprintf(stderr, "%s: %s: this build cannot write MP4 video (built without OpenCV); use .gif\n", kCommand,
                     options.out.c_str());
        return kExitBadInput;
    }
    AnimationSettings settings;
    settings.width = options.width;
    settings.height = options.height;
    settings.fps = options.fps;
    settings.seconds = options.seconds;
    if (const std::string problem = settings.problem(); !problem.empty()) {
        std::fprintf(stderr, "%s: --%s\n", kCommand, problem.c_str());
        return kExitBadInput;
    }

    std::vector<FigureData> panels;
    if (!loadFigurePanels(kCommand, options.folders, options.metric, options.caption, options.title, &panels)) {
        return kExitBadInput;
    }
    PlotTheme theme;
    theme.presentation = options.presentation;
    theme.dark = options.dark;
    const AnimationRenderer renderer(panels, theme);
    if (!renderer.hasPoints()) {
        std::string why;
        for (const FigureData& panel : panels) why += panel.note.empty() ? std::string() : " " + panel.note;
        std::fprintf(stderr, "%s: %s of these runs has no point to animate.%s\n", kCommand, options.metric.c_str(),
                     why.c_str());
        return kExitBadInput;
    }

    const std::unique_ptr<QApplication> app = startOffscreenApplication();
    // Ctrl-C stops between frames; the half-written video is removed, nothing is left behind.
    g_interrupted = 0;
    std::signal(SIGINT, stopOnSignal);
    std::signal(SIGTERM, stopOnSignal);
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QString error;
    const AnimationRenderer::Outcome outcome = renderer.write(
        QString::fromStdString(options.out), settings,
        [terminal](int done, int total) {
            if (terminal) std::fprintf(stderr, "\rframe %d of %d", done, total);
            if (terminal && done == total) std::fprintf(stderr, "\n");
            return g_interrupted == 0;
        },
        &error);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    switch (outcome) {
        case AnimationRenderer::Outcome::Written:
            std::printf("%s\n", options.out.c_str());
            return kExitOk;
        case AnimationRenderer::Outcome::Cancelled:
            if (terminal) std::fprintf(stderr, "\n");
            std::fprintf(stderr, "%s: interrupted; %s not written\n", kCommand, options.out.c_str());
            return kExitStopped;
        case AnimationRenderer::Outcome::Refused:
            std::fprintf(stderr, "%s: %s\n", kCommand, qPrintable(error));
            return kExitBadInput;
        case AnimationRenderer::Outcome::Failed:
            break;
    }
    std::fprintf(stderr, "%s: %s\n", kCommand, qPrintable(error));
    return kExitFailed;
}

}  // namespace shatter
