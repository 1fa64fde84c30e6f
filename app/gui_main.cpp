#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <optional>

#include "window/main_window.h"
#include "experiment/preset_library.h"
#include "lecture/lecture_library.h"
#include "shatter_error.h"

namespace {

void nameApplication() {
    QCoreApplication::setOrganizationName("Shatter");
    QCoreApplication::setApplicationName("Shatter");
    QCoreApplication::setApplicationVersion(SHATTER_VERSION);
}

QString presetList() {
    QString list;
    for (const QString& title : shatter::PresetLibrary::titles()) list += "\n  " + title;
    return list;
}

struct Options {
    QCommandLineOption preset{"preset", "Fill the settings from the preset NAME (see the list above).", "NAME"};
    QCommandLineOption start{"start", "Start training at once."};
    QCommandLineOption lecture{"lecture",
                               "Open a lecture at its first step: a title from the Lecture menu "
                               "(\"The paper in five steps\") or a lecture file.",
                               "NAME|FILE"};
};

// The lecture --lecture names: a listed title, else a file.
std::optional<shatter::Lecture> chosenLecture(const QString& wanted) {
    QString path = wanted;
    for (const shatter::LectureListing& listing : shatter::LectureLibrary::list()) {
        if (listing.title.compare(wanted, Qt::CaseInsensitive) == 0) path = listing.path;
    }
    try {
        return shatter::LectureLibrary::load(path);
    } catch (const shatter::ShatterError& error) {
        std::fprintf(stderr, "shatter: %s\n", error.what());
        return std::nullopt;
    }
}

void describe(QCommandLineParser& parser, const Options& options) {
    parser.setApplicationDescription(
        "Shatter: watch a neural network memorize random labels (Zhang et al., ICLR 2017).\n\n"
        "Presets:" + presetList());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.preset);
    parser.addOption(options.start);
    parser.addOption(options.lecture);
}

// --help and --version print and exit; they need no display.
bool onlyPrints(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        for (const char* flag : {"-h", "--help", "--help-all", "-v", "--version"}) {
            if (std::strcmp(argv[i], flag) == 0) return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    const Options options;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        QCommandLineParser parser;
        describe(parser, options);
        parser.process(app);  // prints and exits
        return 0;
    }

    QApplication::setHighDpiScaleFactorRoundingPolicy(Qt::HighDpiScaleFactorRoundingPolicy::PassThrough);
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setWindowIcon(QIcon(":/icons/shatter.svg"));
    QGuiApplication::setDesktopFileName("org.shatter.Shatter");

    QCommandLineParser parser;
    describe(parser, options);
    parser.process(app);

    shatter::MainWindow window;
    if (parser.isSet(options.preset) && !window.applyPreset(parser.value(options.preset))) {
        std::fprintf(stderr, "shatter: no preset named '%s'; the presets are:%s\n",
                     qPrintable(parser.value(options.preset)), qPrintable(presetList()));
        return 2;
    }
    std::optional<shatter::Lecture> lecture;
    if (parser.isSet(options.lecture)) {
        lecture = chosenLecture(parser.value(options.lecture));
        if (!lecture) return 2;
    }
    window.show();
    if (parser.isSet(options.start)) QTimer::singleShot(0, &window, &shatter::MainWindow::startRun);
    if (lecture) QTimer::singleShot(0, &window, [&window, &lecture]() { window.openLecture(*lecture); });
    return app.exec();
}
