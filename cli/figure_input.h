#pragma once

#include <memory>
#include <string>
#include <vector>

#include "figure/figure_data.h"

class QApplication;

namespace shatter {

// What `shatter-cli figure` and `shatter-cli animate` share (both draw with the GUI's Qt renderer).

// The panels `metric` draws from the runs in `folders` (figure1: three, any other metric one),
// each with the caption naming the one folder given and the runs' settings when `caption`, the
// first titled `title` when one is given. Reports skipped runs and errors on stderr after
// `command` ("shatter-cli figure: ..."); false on bad input (a folder that does not exist or
// holds no readable run, an unknown metric).
bool loadFigurePanels(const char* command, const std::vector<std::string>& folders, const std::string& metric,
                      bool caption, const std::string& title, std::vector<FigureData>* panels);

// A QApplication that draws without a display: the offscreen platform unless QT_QPA_PLATFORM
// names one, and a private runtime folder where the session has none.
std::unique_ptr<QApplication> startOffscreenApplication();

}  // namespace shatter
