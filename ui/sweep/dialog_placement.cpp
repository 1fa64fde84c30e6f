#include "sweep/dialog_placement.h"

#include <algorithm>
#include <limits>

namespace shatter {

namespace {

constexpr int kGap = 8;

QPoint onScreen(QPoint corner, const QSize& size, const QRect& screen) {
    corner.setX(std::clamp(corner.x(), screen.left(), std::max(screen.left(), screen.right() + 1 - size.width())));
    corner.setY(std::clamp(corner.y(), screen.top(), std::max(screen.top(), screen.bottom() + 1 - size.height())));
    return corner;
}

qint64 coveredArea(const QRect& dialog, const QRect& avoid) {
    const QRect covered = dialog.intersected(avoid);
    return covered.isEmpty() ? 0 : qint64(covered.width()) * covered.height();
}

}  // namespace

QPoint DialogPlacement::clearOf(const QSize& size, const QRect& avoid, const QRect& window,
                                const QRect& screen) {
    // In order of preference: outside the window, then over the panels left of the region
    // (the settings, idle during a sweep), right of it (the run list), below it.
    const QPoint candidates[] = {
        {window.right() + 1 + kGap, window.top()},
        {window.left() - kGap - size.width(), window.top()},
        {avoid.left() - size.width(), avoid.top()},
        {avoid.right() + 1, avoid.top()},
        {avoid.left(), avoid.bottom() + 1},
    };
    QPoint best = onScreen(window.center() - QPoint(size.width() / 2, size.height() / 2), size, screen);
    qint64 least = std::numeric_limits<qint64>::max();
    for (const QPoint& candidate : candidates) {
        const QPoint corner = onScreen(candidate, size, screen);
        const qint64 area = coveredArea(QRect(corner, size), avoid);
        if (area < least) {
            least = area;
            best = corner;
        }
        if (area == 0) break;
    }
    return best;
}

}  // namespace shatter
