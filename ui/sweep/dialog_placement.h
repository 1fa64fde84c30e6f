#pragma once

#include <QPoint>
#include <QRect>
#include <QSize>

namespace shatter {

// Where a non-modal dialog goes so that it leaves a region in sight (the sweep dialog and the
// live charts): beside the window when the screen has room, else over the window's other
// panels, whichever covers least of the region; always on the screen.
class DialogPlacement {
public:
    // The top-left corner for a dialog of `size` (its frame), keeping clear of `avoid` inside
    // `window`, on `screen` (its available geometry). All in global coordinates.
    static QPoint clearOf(const QSize& size, const QRect& avoid, const QRect& window,
                          const QRect& screen);
};

}  // namespace shatter
