#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>

#include "window/main_window.h"
#include "experiment/preset_library.h"

int main(int argc, char* argv[]) {
    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("Shatter");
    QApplication::setApplicationName("Shatter");
    QApplication::setApplicationVersion(SHATTER_VERSION);
    QApplication::setWindowIcon(QIcon(":/icons/shatter.svg"));
    QGuiApplication::setDesktopFileName("org.shatter.Shatter");

    QString presetList;
    for (const QString& title : shatter::PresetLibrary::titles()) presetList += "\n  " + title;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        "Shatter: watch a neural network memorize random labels (Zhang et al., ICLR 2017).\n\n"
        "Presets:" + presetList);
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption preset("preset", "Fill the settings from the preset NAME (see the list above).",
                              "NAME");
    QCommandLineOption start("start", "Start training at once.");
    parser.addOption(preset);
    parser.addOption(start);
    parser.process(app);

    shatter::MainWindow window;
    if (parser.isSet(preset) && !window.applyPreset(parser.value(preset))) {
        std::fprintf(stderr, "shatter: no preset named '%s'; the presets are:%s\n",
                     qPrintable(parser.value(preset)), qPrintable(presetList));
        return 2;
    }
    window.show();
    if (parser.isSet(start)) QTimer::singleShot(0, &window, &shatter::MainWindow::startRun);
    return app.exec();
}
