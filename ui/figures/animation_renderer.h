#pragma once

#include <functional>
#include <vector>

#include <QImage>
#include <QSize>
#include <QString>

#include "common/plot_theme.h"
#include "figure/animation_settings.h"
#include "figure/figure_data.h"

namespace shatter {

// Replays a figure as a video, the one code path of `shatter-cli animate` and the window's
// "Export animation…": frame i of round(fps × seconds) shows the figure at progress
// i / (frames − 1) (FigureProgress: every curve grown to that point, the axes and legend of the
// whole figure), drawn by FigureRenderer as a PNG export draws it, caption included, and written
// by a VideoWriter (.mp4 or .gif, by the file's extension). Draws with Qt: the GUI thread only.
class AnimationRenderer {
public:
    // One figure, or several panels side by side with one legend (Figure 1's three).
    AnimationRenderer(std::vector<FigureData> panels, const PlotTheme& theme);

    // Whether any panel has a point to draw (else every frame would show the same note).
    bool hasPoints() const;
    // The frame at progress t in [0, 1], `size` pixels, RGB.
    QImage frame(double progress, QSize size) const;
    // The resolution frames are drawn at: a frame of any size looks like a 1280 × 720 one (a
    // figure laid out on 853 × 480 points, panels side by side on 1280 × 720), only sharper.
    static int dpiFor(QSize size, bool panels);

    enum class Outcome {
        Written,
        Cancelled,  // progress returned false; nothing written
        Refused,    // bad settings, unknown extension, unwritable folder: before any frame
        Failed,     // the encoder failed part way; nothing written
    };
    // Writes the animation to `path`. The file is opened before the first frame is drawn, so that
    // a path that cannot be written is refused at once; `progress(done, total)` is called after
    // each frame, and returning false cancels. Only Written leaves a file at `path` (an existing
    // one stays as it was otherwise); `error` gets a message naming the file.
    Outcome write(const QString& path, const AnimationSettings& settings,
                  const std::function<bool(int done, int total)>& progress, QString* error) const;

private:
    std::vector<FigureData> m_panels;
    PlotTheme m_theme;
};

}  // namespace shatter
