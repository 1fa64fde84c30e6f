// Animated figures: the video writers (MP4 read back with OpenCV, GIF with giflib), the frames
// AnimationRenderer draws (the last one is the exported figure, the axes never move), the
// window's "Export animation…" (context menu, dialog, progress that cancels, errors naming the
// file) and `shatter-cli animate` end to end on fixture run folders (SHATTER_CLI names the binary).
//
// qcustomplot.h uses Qt's keywords (signals, slots), which the tests otherwise switch off; it
// comes first, before any Qt header has read that switch.
#undef QT_NO_KEYWORDS
#include <qcustomplot.h>

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QProcess>
#include <QProgressDialog>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <gif_lib.h>
#include <unistd.h>

#include <cstring>
#include <functional>
#include <memory>

#ifdef SHATTER_WITH_OPENCV
#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>
#endif

#include "common/plot_theme.h"
#include "figure/animation_settings.h"
#include "figure/figure_progress.h"
#include "figures/animation_export_dialog.h"
#include "figures/animation_renderer.h"
#include "figures/figure_plot.h"
#include "figures/figure_renderer.h"
#include "support/figure_fixtures.h"
#include "support/run_fixtures.h"
#include "video/video_writer.h"

using namespace shatter;

namespace {

// A test pattern: white, a red bar growing with `i`, a blue square moving, a grey frame.
std::vector<std::uint8_t> pattern(int width, int height, int i) {
    std::vector<std::uint8_t> rgb(std::size_t(width) * std::size_t(height) * 3, 255);
    auto set = [&](int x, int y, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
        std::uint8_t* p = rgb.data() + (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3;
        p[0] = r;
        p[1] = g;
        p[2] = b;
    };
    for (int x = 0; x < width; ++x) {
        set(x, 0, 90, 90, 90);
        set(x, height - 1, 90, 90, 90);
    }
    for (int y = 10; y < 30; ++y) {
        for (int x = 10; x < 10 + 8 * i && x < width; ++x) set(x, y, 213, 94, 0);
    }
    for (int y = 40; y < 60; ++y) {
        for (int x = 3 * i; x < 3 * i + 20 && x < width; ++x) set(x, y, 0, 114, 178);
    }
    return rgb;
}

struct GifFile {
    GifFileType* gif = nullptr;
    explicit GifFile(const QString& path) {
        int error = 0;
        gif = DGifOpenFileName(QFile::encodeName(path).constData(), &error);
        if (gif && DGifSlurp(gif) != GIF_OK) {
            DGifCloseFile(gif, &error);
            gif = nullptr;
        }
    }
    ~GifFile() {
        int error = 0;
        if (gif) DGifCloseFile(gif, &error);
    }
    // The picture after frame `last`, frames drawn over each other as a viewer does.
    std::vector<std::uint8_t> composite(int last) const {
        std::vector<std::uint8_t> canvas(std::size_t(gif->SWidth) * std::size_t(gif->SHeight) * 3, 0);
        for (int i = 0; i <= last; ++i) {
            const SavedImage& image = gif->SavedImages[i];
            const ColorMapObject* map = image.ImageDesc.ColorMap ? image.ImageDesc.ColorMap : gif->SColorMap;
            GraphicsControlBlock control;
            DGifSavedExtensionToGCB(gif, i, &control);
            const GifImageDesc& d = image.ImageDesc;
            for (int y = 0; y < d.Height; ++y) {
                for (int x = 0; x < d.Width; ++x) {
                    const int index = image.RasterBits[y * d.Width + x];
                    if (index == control.TransparentColor) continue;
                    const std::size_t pixel = std::size_t(d.Top + y) * std::size_t(gif->SWidth) + std::size_t(d.Left + x);
                    std::uint8_t* p = canvas.data() + pixel * 3;
                    p[0] = map->Colors[index].Red;
                    p[1] = map->Colors[index].Green;
                    p[2] = map->Colors[index].Blue;
                }
            }
        }
        return canvas;
    }
    bool loops() const {
        for (int i = 0; i < gif->SavedImages[0].ExtensionBlockCount; ++i) {
            const ExtensionBlock& block = gif->SavedImages[0].ExtensionBlocks[i];
            if (block.Function == APPLICATION_EXT_FUNC_CODE && block.ByteCount == 11 &&
                std::memcmp(block.Bytes, "NETSCAPE2.0", 11) == 0) {
                return true;
            }
        }
        return false;
    }
    int delaySum() const {
        int sum = 0;
        for (int i = 0; i < gif->ImageCount; ++i) {
            GraphicsControlBlock control;
            if (DGifSavedExtensionToGCB(gif, i, &control) == GIF_OK) sum += control.DelayTime;
        }
        return sum;
    }
};

struct VideoInfo {
    int frames = -1;
    QSize size;
    double fps = 0;
    std::vector<std::uint8_t> lastFrame;  // RGB
};

VideoInfo readMp4(const QString& path) {
    VideoInfo info;
#ifdef SHATTER_WITH_OPENCV
    cv::VideoCapture capture(path.toStdString(), cv::CAP_FFMPEG);
    if (!capture.isOpened()) return info;
    info.size = QSize(int(capture.get(cv::CAP_PROP_FRAME_WIDTH)), int(capture.get(cv::CAP_PROP_FRAME_HEIGHT)));
    info.fps = capture.get(cv::CAP_PROP_FPS);
    info.frames = 0;
    cv::Mat frame;
    while (capture.read(frame)) {
        ++info.frames;
        info.lastFrame.resize(std::size_t(frame.total()) * 3);
        for (int y = 0; y < frame.rows; ++y) {
            for (int x = 0; x < frame.cols; ++x) {
                const cv::Vec3b bgr = frame.at<cv::Vec3b>(y, x);
                const std::size_t pixel = std::size_t(y) * std::size_t(frame.cols) + std::size_t(x);
                std::uint8_t* p = info.lastFrame.data() + pixel * 3;
                p[0] = bgr[2];
                p[1] = bgr[1];
                p[2] = bgr[0];
            }
        }
    }
#else
    (void)path;
#endif
    return info;
}

VideoInfo readGif(const QString& path) {
    VideoInfo info;
    GifFile file(path);
    if (!file.gif) return info;
    info.frames = file.gif->ImageCount;
    info.size = QSize(file.gif->SWidth, file.gif->SHeight);
    info.lastFrame = file.composite(info.frames - 1);
    return info;
}

// Files in `folder`, hidden ones (a writer's temporary file) too.
QStringList filesIn(const QString& folder) {
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

int runCli(const QStringList& arguments, QString* output) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("SHATTER_CLI"), arguments);
    if (!process.waitForFinished(240000)) return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

RunConfig labels(double level) {
    RunConfig config;
    config.dataset = "fashion-mnist";
    config.trainSize = 2000;
    config.testSize = 2000;
    config.corruption = level > 0 ? CorruptionMode::Labels : CorruptionMode::None;
    config.level = level > 0 ? level : 1.0;
    config.epochs = 8;
    config.batchSize = 32;
    return config;
}

FigureData lossFigure() {
    FigureData figure = test::threeRunLossFigure();
    figure.caption = "fixture runs";
    return figure;
}

// How many pixels of the image are (about) the palette's `index`th colour: a curve's ink.
int inkOf(const QImage& image, const QColor& colour) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                    std::abs(c.blue() - colour.blue()) < 30) {
                ++count;
            }
        }
    }
    return count;
}

}  // namespace

class TestAnimation : public QObject {
    Q_OBJECT

    QTemporaryDir m_out;

private Q_SLOTS:
    void gifHasEveryFrameExactlyAndLoops() {
        const QString path = m_out.filePath("pattern.gif");
        {
            auto writer = VideoWriter::open(path.toStdString(), 120, 80, 12);
            for (int i = 0; i < 15; ++i) writer->add(pattern(120, 80, i).data());
            // Until finished, the file is only a hidden temporary one.
            QVERIFY(!QFile::exists(path));
            writer->finish();
        }
        QVERIFY(QFile::exists(path));
        QCOMPARE(filesIn(m_out.path()).filter("pattern").size(), 1);
        GifFile file(path);
        QVERIFY(file.gif);
        QCOMPARE(file.gif->ImageCount, 15);
        QCOMPARE(file.gif->SWidth, 120);
        QCOMPARE(file.gif->SHeight, 80);
        QVERIFY(file.loops());
        // 100/12 = 8.33 hundredths a frame, spread so that 15 frames last 1.25 s.
        QCOMPARE(file.delaySum(), 125);
        for (int i = 0; i < 15; ++i) {
            QVERIFY2(file.composite(i) == pattern(120, 80, i), qPrintable(QString("frame %1").arg(i)));
        }
    }

    void gifOfManyColoursStaysClose() {
        // More than 256 colours: the rare ones become their nearest palette colour.
        const int w = 64;
        const int h = 64;
        std::vector<std::uint8_t> rgb(std::size_t(w) * h * 3);
        for (int y = 0; y < h; ++y) {
            for (int x = 0; x < w; ++x) {
                std::uint8_t* p = rgb.data() + (std::size_t(y) * w + std::size_t(x)) * 3;
                p[0] = std::uint8_t(x * 4);
                p[1] = std::uint8_t(y * 4);
                p[2] = std::uint8_t((x + y) * 2);
            }
        }
        const QString path = m_out.filePath("gradient.gif");
        auto writer = VideoWriter::open(path.toStdString(), w, h, 50);
        writer->add(rgb.data());
        writer->add(rgb.data());  // nothing changed: a 1 x 1 frame that only takes its time
        writer->finish();
        GifFile file(path);
        QCOMPARE(file.gif->ImageCount, 2);
        QCOMPARE(file.gif->SavedImages[1].ImageDesc.Width, 1);
        const std::vector<std::uint8_t> shown = file.composite(1);
        int worst = 0;
        for (std::size_t i = 0; i < rgb.size(); ++i) worst = std::max(worst, std::abs(int(shown[i]) - int(rgb[i])));
        QVERIFY2(worst <= 48, qPrintable(QString::number(worst)));
        QCOMPARE(file.delaySum(), 4);  // 50 fps: 2 hundredths a frame
    }

    void mp4HasEveryFrameAtItsRateAndSize() {
        if (!VideoWriter::available(VideoWriter::Format::Mp4)) QSKIP("built without OpenCV: no MP4");
        const QString path = m_out.filePath("pattern.mp4");
        auto writer = VideoWriter::open(path.toStdString(), 160, 96, 24);
        for (int i = 0; i < 30; ++i) writer->add(pattern(160, 96, i).data());
        QVERIFY(!QFile::exists(path));
        writer->finish();
        QVERIFY(QFile::exists(path));
        const VideoInfo info = readMp4(path);
        QCOMPARE(info.frames, 30);
        QCOMPARE(info.size, QSize(160, 96));
        QCOMPARE(info.fps, 24.0);
        // Lossy, but the last frame is the last pattern: red bar, blue square where they were.
        const std::vector<std::uint8_t> expected = pattern(160, 96, 29);
        auto at = [](const std::vector<std::uint8_t>& rgb, int x, int y) {
            const std::uint8_t* p = rgb.data() + (std::size_t(y) * 160 + std::size_t(x)) * 3;
            return QColor(p[0], p[1], p[2]);
        };
        for (const QPoint point : {QPoint(100, 20), QPoint(95, 50), QPoint(150, 80)}) {
            const QColor want = at(expected, point.x(), point.y());
            const QColor got = at(info.lastFrame, point.x(), point.y());
            QVERIFY2(std::abs(want.red() - got.red()) < 40 && std::abs(want.green() - got.green()) < 40 &&
                         std::abs(want.blue() - got.blue()) < 40,
                     qPrintable(QString("%1,%2: %3 vs %4").arg(point.x()).arg(point.y()).arg(want.name(), got.name())));
        }
    }

    void writersRefuseBadFilesNamingThemAndLeaveNothing() {
        auto refused = [](const QString& path, const QString& expected) {
            try {
                VideoWriter::open(path.toStdString(), 64, 64, 10);
            } catch (const VideoError& error) {
                const QString message = QString::fromStdString(error.what());
                return message.contains(path) && message.contains(expected);
            }
            return false;
        };
        QVERIFY(refused(m_out.filePath("clip.avi"), ".mp4 or .gif"));
        QVERIFY(refused(m_out.filePath("missing/clip.mp4"), "does not exist"));
        QVERIFY(refused(m_out.filePath("missing/clip.gif"), "does not exist"));
        QVERIFY(refused("/proc/shatter-clip.gif", "cannot be written"));
        QVERIFY(refused("/proc/shatter-clip.mp4", "cannot be written"));
        QDir(m_out.path()).mkdir("locked");
        const QString locked = m_out.filePath("locked");
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
        if (geteuid() != 0) {  // root writes into read-only folders
            QVERIFY(refused(locked + "/clip.mp4", "Permission denied"));
            QVERIFY(refused(locked + "/clip.gif", "Permission denied"));
        }
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QVERIFY(filesIn(locked).isEmpty());

        // A writer given up before finish() (a cancelled export) leaves no file, hidden or not.
        QDir(m_out.path()).mkdir("abandoned");
        const QString folder = m_out.filePath("abandoned");
        for (const QString name : {"clip.mp4", "clip.gif"}) {
            if (name.endsWith("mp4") && !VideoWriter::available(VideoWriter::Format::Mp4)) continue;
            auto writer = VideoWriter::open((folder + "/" + name).toStdString(), 64, 64, 10);
            writer->add(pattern(64, 64, 1).data());
            QCOMPARE(filesIn(folder).size(), 1);
            writer.reset();
            QVERIFY2(filesIn(folder).isEmpty(), qPrintable(filesIn(folder).join(", ")));
        }
    }

    void lastFrameIsTheExportedFigureAndTheAxesNeverMove() {
        const FigureData figure = lossFigure();
        const PlotTheme theme;
        const QSize size(640, 360);
        const AnimationRenderer renderer({figure}, theme);
        const QImage last = renderer.frame(1.0, size);
        QCOMPARE(last.size(), size);
        QCOMPARE(last.format(), QImage::Format_RGB888);
        const QImage exported = FigureRenderer::image(figure, theme, size, AnimationRenderer::dpiFor(size, false))
                                    .convertToFormat(QImage::Format_RGB888);
        QVERIFY(last == exported);

        // Halfway: the same axes and legend as the whole figure, about half the ink of each curve.
        QCustomPlot whole;
        QCustomPlot half;
        FigureRenderer::draw(&whole, FigureProgress::at(figure, 1.0), theme, theme.exportFont());
        FigureRenderer::draw(&half, FigureProgress::at(figure, 0.5), theme, theme.exportFont());
        QVERIFY(half.xAxis->range() == whole.xAxis->range());
        QVERIFY(half.yAxis->range() == whole.yAxis->range());
        QCOMPARE(half.legend->itemCount(), whole.legend->itemCount());
        const QImage middle = renderer.frame(0.5, size);
        const QColor curve = theme.paletteColour(0);
        const int inkHalf = inkOf(middle, curve);
        const int inkWhole = inkOf(last, curve);
        QVERIFY2(inkHalf > inkWhole / 5 && inkHalf < inkWhole,
                 qPrintable(QString("%1 of %2").arg(inkHalf).arg(inkWhole)));
        // The first frame: no curve yet, but the legend shows its entry (a short line of it).
        const int inkFirst = inkOf(renderer.frame(0.0, size), curve);
        QVERIFY2(inkFirst > 0 && inkFirst < inkHalf, qPrintable(QString("%1").arg(inkFirst)));
        QVERIFY(!AnimationRenderer({FigureData()}, theme).hasPoints());
    }

    void rendererWritesTheRequestedFramesAndCancels() {
        const AnimationRenderer renderer({lossFigure()}, PlotTheme());
        AnimationSettings settings;
        settings.width = 320;
        settings.height = 180;
        settings.fps = 10;
        settings.seconds = 1.2;
        QString error;
        const QString gif = m_out.filePath("renderer.gif");
        int calls = 0;
        const auto count = [&calls](int done, int total) {
            calls = done;
            return total == 12;
        };
        QCOMPARE(renderer.write(gif, settings, count, &error), AnimationRenderer::Outcome::Written);
        QCOMPARE(calls, 12);
        QCOMPARE(readGif(gif).frames, 12);
        QCOMPARE(readGif(gif).size, QSize(320, 180));

        // Cancelled after 3 frames: no file, no temporary one; an older file stays as it was.
        const QByteArray before = [&gif]() { QFile f(gif); f.open(QIODevice::ReadOnly); return f.readAll(); }();
        const int filesBefore = int(filesIn(m_out.path()).size());
        QCOMPARE(renderer.write(gif, settings, [](int done, int) { return done < 3; }, &error),
                 AnimationRenderer::Outcome::Cancelled);
        QCOMPARE(int(filesIn(m_out.path()).size()), filesBefore);
        QFile again(gif);
        QVERIFY(again.open(QIODevice::ReadOnly));
        QCOMPARE(again.readAll(), before);

        settings.width = 321;
        QCOMPARE(renderer.write(gif, settings, {}, &error), AnimationRenderer::Outcome::Refused);
        QVERIFY2(error.contains("width 321") && error.contains(gif), qPrintable(error));
    }

    void settingsNameWhatIsWrong() {
        AnimationSettings settings;
        QVERIFY(settings.problem().empty());
        QCOMPARE(settings.frameCount(), 180);
        settings.fps = 61;
        QVERIFY(QString::fromStdString(settings.problem()).startsWith("fps 61"));
        settings.fps = 24;
        settings.seconds = 0;
        QVERIFY(QString::fromStdString(settings.problem()).startsWith("seconds 0"));
        settings.seconds = 601;
        QVERIFY(QString::fromStdString(settings.problem()).startsWith("seconds 601"));
        settings.seconds = 4;
        settings.height = 719;
        QVERIFY(QString::fromStdString(settings.problem()).contains("height 719: must be even"));
        settings.height = 64;
        QVERIFY(QString::fromStdString(settings.problem()).startsWith("height 64"));
    }

    void contextMenuOpensTheAnimationDialogWhichWritesAndCancels() {
        QWidget window;
        auto* plot = new FigurePlot(&window);
        plot->setFigure(lossFigure());
        window.resize(640, 400);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // Right-click: the menu lists "Export animation (MP4, GIF)…" beside the other exports.
        QStringList entries;
        QTimer::singleShot(200, [&entries]() {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu) return;
            for (QAction* action : menu->actions()) entries << action->text();
            menu->setActiveAction(menu->findChild<QAction*>("exportAnimation"));
            QTest::keyClick(menu, Qt::Key_Return);
        });
        Q_EMIT plot->plot()->customContextMenuRequested(QPoint(50, 50));
        QVERIFY2(entries.contains("Export animation (MP4, GIF)…"), qPrintable(entries.join(" | ")));
        QVERIFY(entries.indexOf("Export animation (MP4, GIF)…") > entries.indexOf("Export data as CSV…"));
        AnimationExportDialog* dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<AnimationExportDialog*>()) != nullptr);
        QVERIFY(dialog->path().endsWith("training-loss.mp4"));
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        dialog->grab().save(SHATTER_ARTIFACT_DIR "/animation-export-dialog.png");
        QCOMPARE(dialog->settings().fps, AnimationSettings::kDefaultFps);

        AnimationSettings small;
        small.width = 320;
        small.height = 200;
        small.fps = 8;
        small.seconds = 1;
        dialog->setSettings(small);
        const QString gif = m_out.filePath("from-window.gif");
        dialog->setPath(gif);
        QString error;
        QVERIFY2(dialog->exportNow(&error), qPrintable(error));
        QCOMPARE(readGif(gif).frames, 8);
        QCOMPARE(readGif(gif).size, QSize(320, 200));
        if (VideoWriter::available(VideoWriter::Format::Mp4)) {
            const QString mp4 = m_out.filePath("from-window.mp4");
            dialog->setPath(mp4);
            QVERIFY2(dialog->exportNow(&error), qPrintable(error));
            QCOMPARE(readMp4(mp4).frames, 8);
        }

        // Cancel in the progress dialog: false, nothing written.
        small.seconds = 5;
        dialog->setSettings(small);
        const QString cancelled = m_out.filePath("cancelled.gif");
        dialog->setPath(cancelled);
        QTimer::singleShot(0, dialog, [dialog]() {
            if (QProgressDialog* progress = dialog->progressDialog()) progress->cancel();
        });
        bool wasCancelled = false;
        QVERIFY(!dialog->exportNow(&error, &wasCancelled));
        QVERIFY(wasCancelled);
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(filesIn(m_out.path()).filter("cancelled").isEmpty());

        // A folder that does not exist: the message names the file.
        const QString nowhere = m_out.filePath("no-such-folder/clip.gif");
        dialog->setPath(nowhere);
        QVERIFY(!dialog->exportNow(&error, &wasCancelled));
        QVERIFY(!wasCancelled);
        QVERIFY2(error.contains(nowhere) && error.contains("does not exist"), qPrintable(error));
        dialog->close();
    }

    void cliAnimatesRunFoldersToMp4AndGif() {
        QTemporaryDir runs;
        const std::string root = runs.path().toStdString();
        test::writeRunFolder(root + "/true", labels(0), 8, 1.0, 0.86, "finished", "2026-01-09T21:00:00Z");
        test::writeRunFolder(root + "/random", labels(1.0), 8, 0.7, 0.10, "finished", "2026-01-09T21:30:00Z");
        test::writeRunFolder(root + "/half", labels(0.5), 8, 0.9, 0.5, "finished", "2026-01-09T22:00:00Z");
        QString output;

        const QString mp4 = m_out.filePath("cli-loss.mp4");
        if (VideoWriter::available(VideoWriter::Format::Mp4)) {
            QCOMPARE(runCli({"animate", runs.path() + "/true", runs.path() + "/random", "--metric", "train_acc",
                             "--out", mp4, "--fps", "12", "--seconds", "1.5", "--width", "480", "--height", "270"},
                            &output),
                     0);
            QVERIFY2(output.trimmed().endsWith(mp4), qPrintable(output));
            const VideoInfo info = readMp4(mp4);
            QCOMPARE(info.frames, 18);
            QCOMPARE(info.size, QSize(480, 270));
            QCOMPARE(info.fps, 12.0);
        }
        const QString gif = m_out.filePath("cli-loss.gif");
        QVERIFY2(runCli({"animate", runs.path(), "--metric", "test_loss", "--out", gif, "--fps", "10", "--seconds", "1",
                         "--width", "320", "--height", "180", "--presentation", "--dark"},
                        &output) == 0,
                 qPrintable(output));
        QCOMPARE(readGif(gif).frames, 10);
        QCOMPARE(readGif(gif).size, QSize(320, 180));
        // Figure 1's three panels, each drawn from left to right.
        const QString slide = m_out.filePath("cli-figure1.gif");
        QVERIFY2(runCli({"animate", runs.path(), "--metric", "figure1", "--out", slide, "--fps", "4", "--seconds", "1",
                         "--width", "640", "--height", "360"},
                        &output) == 0,
                 qPrintable(output));
        QCOMPARE(readGif(slide).frames, 4);

        // Bad input: exit 2, the message naming the file, folder or option; no file written.
        const QString run = runs.path() + "/true";
        QCOMPARE(runCli({"animate", run, "--out", m_out.filePath("clip.avi")}, &output), 2);
        QVERIFY2(output.contains("clip.avi") && output.contains(".mp4 or .gif"), qPrintable(output));
        const QString nowhere = m_out.filePath("no-such-folder/clip.mp4");
        QCOMPARE(runCli({"animate", run, "--out", nowhere}, &output), 2);
        QVERIFY2(output.contains(nowhere) && output.contains("does not exist"), qPrintable(output));
        QCOMPARE(runCli({"animate", run, "--out", "/proc/shatter-clip.gif"}, &output), 2);
        QVERIFY2(output.contains("/proc/shatter-clip.gif"), qPrintable(output));
        QCOMPARE(runCli({"animate", m_out.filePath("no-such-run"), "--out", gif}, &output), 2);
        QVERIFY2(output.contains("no-such-run: no such folder"), qPrintable(output));
        QDir(runs.path()).mkdir("broken");
        QFile config(runs.path() + "/broken/config.json");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{ not json");
        config.close();
        QCOMPARE(runCli({"animate", runs.path() + "/broken", "--out", gif}, &output), 2);
        QVERIFY2(output.contains("broken"), qPrintable(output));
        for (const QStringList& bad : {QStringList{"--fps", "0"}, QStringList{"--fps", "61"},
                                       QStringList{"--seconds", "0"}, QStringList{"--seconds", "601"},
                                       QStringList{"--width", "1281"}, QStringList{"--height", "64"}}) {
            QCOMPARE(runCli(QStringList{"animate", run, "--out", m_out.filePath("bad.gif")} + bad, &output), 2);
            QVERIFY2(output.contains(bad[0] + " " + bad[1]), qPrintable(output));
        }
        QCOMPARE(runCli({"animate", run, "--metric", "accuracy", "--out", gif}, &output), 2);
        QVERIFY2(output.contains("unknown metric 'accuracy'"), qPrintable(output));
        QVERIFY(!QFile::exists(m_out.filePath("bad.gif")));
        QVERIFY(filesIn(m_out.path()).filter("partial").isEmpty());
    }
};

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QDir().mkpath(SHATTER_ARTIFACT_DIR);
    TestAnimation test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_animation.moc"
