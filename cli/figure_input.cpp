#include "cli/figure_input.h"

#include <cstdio>

#include <unistd.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QString>

#include "figure/figure_builder.h"
#include "figure/figure_caption.h"
#include "figure/run_collector.h"
#include "shatter_error.h"

namespace shatter {

bool loadFigurePanels(const char* command, const std::vector<std::string>& folders, const std::string& metric,
                      bool caption, const std::string& title, std::vector<FigureData>* panels) {
    try {
        const RunCollector::Result collected = RunCollector::collect(folders);
        for (const std::string& skipped : collected.skipped) {
            std::fprintf(stderr, "%s: skipped %s\n", command, skipped.c_str());
        }
        *panels = FigureBuilder::panels(collected.runs, metric);
        // The caption names the one folder given (a sweep's, a run's) and the runs' settings.
        const std::string name =
            folders.size() == 1 ? QDir(QString::fromStdString(folders.front())).dirName().toStdString() : std::string();
        const std::string line = caption ? FigureCaption::forRuns(name, collected.runs) : std::string();
        for (FigureData& panel : *panels) panel.caption = line;
    } catch (const ShatterError& error) {
        std::fprintf(stderr, "%s: %s\n", command, error.what());
        return false;
    }
    if (!title.empty() && !panels->empty()) panels->front().title = title;
    return true;
}

std::unique_ptr<QApplication> startOffscreenApplication() {
    // Rendering needs a QApplication; without a display, draw offscreen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) qputenv("QT_QPA_PLATFORM", "offscreen");
    // A headless server often has no session runtime folder; give Qt a private one instead of
    // letting it warn on every run.
    if (qEnvironmentVariableIsEmpty("XDG_RUNTIME_DIR")) {
        const QByteArray runtime = QDir::tempPath().toUtf8() + "/shatter-runtime-" + QByteArray::number(getuid());
        QDir().mkpath(QString::fromUtf8(runtime));
        QFile::setPermissions(QString::fromUtf8(runtime),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        qputenv("XDG_RUNTIME_DIR", runtime);
    }
    // QApplication keeps references to argc and argv for its lifetime.
    static int argc = 1;
    static char name[] = "shatter-cli";
    static char* argv[] = {name, nullptr};
    return std::make_unique<QApplication>(argc, argv);
}

}  // namespace shatter
