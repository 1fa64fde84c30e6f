#include "figures/animation_renderer.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>

#include "figure/figure_progress.h"
#include "figures/figure_renderer.h"
#include "video/video_writer.h"

namespace shatter {

AnimationRenderer::AnimationRenderer(std::vector<FigureData> panels, const PlotTheme& theme)
    : m_panels(std::move(panels)), m_theme(theme) {}

bool AnimationRenderer::hasPoints() const {
    return std::any_of(m_panels.begin(), m_panels.end(),
                       [](const FigureData& panel) { return panel.pointCount() > 0; });
}

int AnimationRenderer::dpiFor(QSize size, bool panels) {
    const QSizeF logical = panels ? QSizeF(1280, 720) : QSizeF(853.3, 480);
    const double scale = std::min(size.width() / logical.width(), size.height() / logical.height());
    return std::clamp(int(std::lround(96.0 * scale)), 36, 1200);
}

QImage AnimationRenderer::frame(double progress, QSize size) const {
    const bool panels = m_panels.size() > 1;
    const int dpi = dpiFor(size, panels);
    const std::vector<FigureData> cut = FigureProgress::at(m_panels, progress);
    const QImage image = panels || cut.empty() ? FigureRenderer::panelsImage(cut, m_theme, size, dpi)
                                               : FigureRenderer::image(cut.front(), m_theme, size, dpi);
    return image.convertToFormat(QImage::Format_RGB888);
}

AnimationRenderer::Outcome AnimationRenderer::write(const QString& path, const AnimationSettings& settings,
                                                    const std::function<bool(int, int)>& progress,
                                                    QString* error) const {
    auto report = [error](const QString& message) {
        if (error) *error = message;
    };
    if (const std::string problem = settings.problem(); !problem.empty()) {
        report(path + ": " + QString::fromStdString(problem));
        return Outcome::Refused;
    }
    std::unique_ptr<VideoWriter> writer;
    try {
        writer = VideoWriter::open(path.toStdString(), settings.width, settings.height, settings.fps);
    } catch (const VideoError& failure) {
        report(QString::fromStdString(failure.what()));
        return Outcome::Refused;
    }
    const QSize size(settings.width, settings.height);
    const int frames = settings.frameCount();
    const std::size_t row = std::size_t(size.width()) * 3;
    std::vector<std::uint8_t> pixels(row * std::size_t(size.height()));
    try {
        for (int i = 0; i < frames; ++i) {
            const QImage image = frame(FigureProgress::progressOf(i, frames), size);
            if (image.size() != size) {
                report(path + ": a frame could not be drawn at " + QString::number(size.width()) + " x " +
                       QString::number(size.height()));
                return Outcome::Failed;
            }
            // QImage pads its rows to 4 bytes; the writer takes them packed.
            for (int y = 0; y < size.height(); ++y) {
                std::memcpy(pixels.data() + std::size_t(y) * row, image.constScanLine(y), row);
            }
            writer->add(pixels.data());
            if (progress && !progress(i + 1, frames)) return Outcome::Cancelled;  // the writer removes its file
        }
        writer->finish();
    } catch (const VideoError& failure) {
        report(QString::fromStdString(failure.what()));
        return Outcome::Failed;
    }
    return Outcome::Written;
}

}  // namespace shatter
