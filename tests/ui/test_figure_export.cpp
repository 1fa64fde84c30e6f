// Figures in every format, parsed back: PNG size and DPI, SVG validity, view box and texts, PDF
// header and page size, CSV rows; the gallery sheet; the live charts' tick density and export;
// and `shatter-cli sweep` + `shatter-cli figure` end to end (SHATTER_CLI names the binary).
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include "figure/figure_builder.h"
#include "figures/figure_export_dialog.h"
#include "figures/figure_renderer.h"
#include "figures/gallery_sheet.h"
#include "live/metric_plot.h"
#include "common/plot_theme.h"
#include "figures/series_style.h"
#include "support/figure_fixtures.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

QString readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromLatin1(file.readAll());
}

// The PDF's page size in points, from its MediaBox.
QSizeF pdfPageSize(const QString& path) {
    const QRegularExpression box("/MediaBox\\s*\\[\\s*([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)\\s*\\]");
    const QRegularExpressionMatch match = box.match(readAll(path));
    if (!match.hasMatch()) return {};
    return QSizeF(match.captured(3).toDouble() - match.captured(1).toDouble(),
                  match.captured(4).toDouble() - match.captured(2).toDouble());
}

int runCli(const QStringList& arguments, QString* output) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("SHATTER_CLI"), arguments);
    if (!process.waitForFinished(120000)) return -1;
    *output = QString::fromUtf8(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

}  // namespace

class TestFigureExport : public QObject {
    Q_OBJECT

    QTemporaryDir m_out;

private Q_SLOTS:
    void pngHasTheRequestedSizeAndDpi() {
        const QString path = m_out.filePath("loss.png");
        QString error;
        QVERIFY2(FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), path, QSize(1200, 750), 150, &error), qPrintable(error));
        QImage image(path);
        QCOMPARE(image.size(), QSize(1200, 750));
        QCOMPARE(qRound(image.dotsPerMeterX() * 0.0254), 150);
        QCOMPARE(qRound(image.dotsPerMeterY() * 0.0254), 150);
        // Something is drawn in the palette's first colour (the "true labels" curve).
        const QColor blue = PlotTheme().paletteColour(0);
        bool found = false;
        for (int y = 0; y < image.height() && !found; y += 2) {
            for (int x = 0; x < image.width() && !found; x += 2) found = image.pixelColor(x, y) == blue;
        }
        QVERIFY(found);
    }

    void svgIsValidWithTitleAxisTitlesAndLegend() {
        const QString path = m_out.filePath("loss.svg");
        QString error;
        QVERIFY2(FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), path, QSize(640, 400), 96, &error), qPrintable(error));
        QSvgRenderer renderer(path);
        QVERIFY(renderer.isValid());
        QCOMPARE(renderer.viewBox(), QRect(0, 0, 640, 400));
        const QString xml = readAll(path);
        QVERIFY(xml.startsWith("<?xml"));
        for (const QString text : {"Training loss", "epoch", "cross-entropy", "true labels", "random labels", "Gaussian"}) {
            QVERIFY2(xml.contains(">" + text + "<"), qPrintable(text));
        }
    }

    void pdfHasAHeaderAndThePageSize() {
        const QString path = m_out.filePath("loss.pdf");
        QString error;
        QVERIFY2(FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), path, QSize(640, 400), 96, &error), qPrintable(error));
        const QString pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-1."));
        QVERIFY(pdf.trimmed().endsWith("%%EOF"));
        const QSizeF page = pdfPageSize(path);
        QVERIFY2(std::abs(page.width() - 640) < 1.5 && std::abs(page.height() - 400) < 1.5,
                 qPrintable(QString("%1 x %2").arg(page.width()).arg(page.height())));
    }

    void csvHoldsTheDataBehindThePlot() {
        const QString path = m_out.filePath("loss.csv");
        QString error;
        QVERIFY(FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), path, QSize(640, 400), 96, &error));
        const QStringList lines = readAll(path).split('\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 30);
        QCOMPARE(lines[0], QString("series,epoch,cross-entropy"));
        QVERIFY(lines[1].startsWith("true labels,1,"));
    }

    void exportDialogFollowsTheChosenFileAndWritesIt() {
        FigureExportDialog dialog(test::threeRunLossFigure());
        QCOMPARE(dialog.figureSize(), QSize(FigureRenderer::kDefaultWidth, FigureRenderer::kDefaultHeight));
        QVERIFY(dialog.path().endsWith("training-loss.png"));
        dialog.setPath(m_out.filePath("from-dialog.pdf"));  // PDF: sizes in points
        QCOMPARE(dialog.path(), m_out.filePath("from-dialog.pdf"));
        QCOMPARE(dialog.figureSize(), QSize(768, 480));
        QString error;
        QVERIFY2(dialog.exportNow(&error), qPrintable(error));
        const QSizeF page = pdfPageSize(m_out.filePath("from-dialog.pdf"));
        QVERIFY(std::abs(page.width() - 768) < 1.5 && std::abs(page.height() - 480) < 1.5);
        dialog.setPath(m_out.filePath("from-dialog.png"));
        QCOMPARE(dialog.dpi(), FigureRenderer::kDefaultDpi);
        QVERIFY(dialog.exportNow(&error));
        QCOMPARE(QImage(m_out.filePath("from-dialog.png")).size(), dialog.figureSize());
    }

    void badFormatOrSizeIsRefusedWithAReason() {
        QString error;
        QVERIFY(!FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), m_out.filePath("x.bmp"), QSize(640, 400), 96, &error));
        QVERIFY2(error.contains(".png, .svg, .pdf"), qPrintable(error));
        QVERIFY(!FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), m_out.filePath("x.png"), QSize(10, 10), 96, &error));
        QVERIFY(!FigureRenderer::save(test::threeRunLossFigure(), PlotTheme(), "/proc/no/such/x.png", QSize(640, 400), 96, &error));
        QVERIFY(error.contains("could not be written"));
    }

    void themesChangeTheExportedFigure() {
        PlotTheme dark;
        dark.dark = true;
        dark.presentation = true;
        const QString path = m_out.filePath("dark.png");
        QVERIFY(FigureRenderer::save(test::threeRunLossFigure(), dark, path, QSize(800, 500), 96, nullptr));
        const QImage image(path);
        QCOMPARE(image.pixelColor(2, 2), dark.background());
        QVERIFY(dark.background().lightness() < 40);
        QVERIFY(dark.lineWidth() > PlotTheme().lineWidth());
        QVERIFY(dark.exportFont().pointSizeF() > PlotTheme().exportFont().pointSizeF());
        // Okabe-Ito: the palette's first colours are distinct.
        QVERIFY(dark.paletteColour(0) != dark.paletteColour(1));
        QCOMPARE(PlotTheme().paletteColour(8), PlotTheme().paletteColour(0));
    }

    void gallerySheetShowsImagesWithTrueAndAssignedLabels() {
        const Dataset dataset = test::makeSyntheticDataset(3, 1, 10, 1, 28);
        CorruptedDataset data;
        data.mode = CorruptionMode::Labels;
        data.level = 0.5;
        data.classNames = dataset.classNames;
        data.train = dataset.train;
        data.trueLabels = dataset.train.labels;
        data.corrupted.assign(data.train.size(), 0);
        for (std::size_t i = 0; i < data.train.size(); i += 2) {
            data.train.labels[i] = (data.train.labels[i] + 1) % 10;
            data.corrupted[i] = 1;
        }
        const QImage sheet = GallerySheet::render(data, PlotTheme(), 12, 6);
        QVERIFY(!sheet.isNull());
        QVERIFY(sheet.width() > sheet.height());  // two rows of six
        const QString path = m_out.filePath("gallery.png");
        QVERIFY(GallerySheet::save(data, PlotTheme(), path, nullptr));
        QVERIFY(QImage(path).size() == GallerySheet::render(data, PlotTheme()).size());
        sheet.save(QString(SHATTER_ARTIFACT_DIR) + "/gallery-sheet.png");
    }

    void smallLiveChartsGetFewYTicks() {
        MetricPlot plot("Loss", "cross-entropy");
        FigureData::Series train;
        train.name = "train";
        train.rgb = int(SeriesStyle::train().rgb() & 0xFFFFFF);
        for (int e = 1; e <= 20; ++e) {
            train.x.push_back(e);
            train.y.push_back(5.4 / e);
        }
        plot.setSeries({train});
        plot.resize(420, 170);  // the loss chart of a 1280x800 window
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        QVERIFY2(plot.yTickCount() <= 3, qPrintable(QString::number(plot.yTickCount())));
        plot.resize(420, 700);
        QTRY_VERIFY(plot.yTickCount() >= 5);

        const FigureData figure = plot.figureData();
        QCOMPARE(figure.title, std::string("Loss"));
        QCOMPARE(figure.yLabel, std::string("cross-entropy"));
        QCOMPARE(int(figure.series.size()), 1);
        QCOMPARE(int(figure.series[0].x.size()), 20);
        QCOMPARE(figure.series[0].rgb, int(SeriesStyle::train().rgb() & 0xFFFFFF));
        QVERIFY(FigureRenderer::save(figure, PlotTheme(), m_out.filePath("live-loss.svg"), QSize(640, 400), 96, nullptr));
        QVERIFY(QSvgRenderer(m_out.filePath("live-loss.svg")).isValid());
    }

    void cliSweepThenFigureInEveryFormat() {
        if (qEnvironmentVariableIsEmpty("SHATTER_CLI")) QSKIP("SHATTER_CLI not set");
        QTemporaryDir data;
        test::writeMnistFolder(data.path().toStdString(), test::makeSyntheticDataset(10, 5, 10, 1, 28), false);
        const QString sweep = m_out.filePath("cli-sweep");
        QString output;
        const int swept = runCli({"sweep", "--out", sweep, "--dataset", "mnist:" + data.path(), "--epochs", "2",
                                  "--batch-size", "32", "--threads", "1", "--levels", "0,1"},
                                 &output);
        QVERIFY2(swept == 0, qPrintable(output));
        QVERIFY(QFile::exists(sweep + "/sweep.json"));

        for (const QString suffix : {"png", "svg", "pdf"}) {
            const QString file = m_out.filePath("cli-test-acc." + suffix);
            QVERIFY2(runCli({"figure", sweep, "--metric", "test_acc", "--out", file}, &output) == 0, qPrintable(output));
            QVERIFY(QFile::exists(file));
        }
        QCOMPARE(QImage(m_out.filePath("cli-test-acc.png")).size(), QSize(1600, 1000));
        QVERIFY(QSvgRenderer(m_out.filePath("cli-test-acc.svg")).isValid());
        QVERIFY(readAll(m_out.filePath("cli-test-acc.pdf")).startsWith("%PDF-"));

        const QString csv = m_out.filePath("cli-error.csv");
        const QString png = m_out.filePath("cli-error.png");
        QVERIFY2(runCli({"figure", sweep, "--metric", "test_error", "--out", png, "--width", "800", "--height",
                         "500", "--dpi", "100", "--csv", csv, "--presentation"},
                        &output) == 0,
                 qPrintable(output));
        QCOMPARE(QImage(png).size(), QSize(800, 500));
        QCOMPARE(qRound(QImage(png).dotsPerMeterX() * 0.0254), 100);
        QCOMPARE(readAll(csv).split('\n', Qt::SkipEmptyParts).size(), 1 + 2);  // levels 0 and 1

        // figure1: the three panels on one 16:9 slide, with the sweep named in the caption.
        const QString slide = m_out.filePath("cli-figure1.png");
        QVERIFY2(runCli({"figure", sweep, "--metric", "figure1", "--out", slide}, &output) == 0, qPrintable(output));
        QCOMPARE(QImage(slide).size(), QSize(FigureRenderer::kSlideWidth, FigureRenderer::kSlideHeight));
        const QString slideSvg = m_out.filePath("cli-figure1.svg");
        const QString slideCsv = m_out.filePath("cli-figure1.csv");
        QVERIFY2(runCli({"figure", sweep, "--metric", "figure1", "--out", slideSvg, "--csv", slideCsv}, &output) == 0,
                 qPrintable(output));
        QCOMPARE(QSvgRenderer(slideSvg).viewBox(),
                 QRect(0, 0, FigureRenderer::kSlideWidthPoints, FigureRenderer::kSlideHeightPoints));
        const QString xml = readAll(slideSvg);
        for (const QString text : {"(a) Training loss", "(b) Time to fit", "(c) Test error", "true labels", "cli-sweep"}) {
            QVERIFY2(xml.contains(text), qPrintable(text));
        }
        QVERIFY(readAll(slideCsv).startsWith("panel,series,x,y\n(a) Training loss,"));
        QVERIFY2(runCli({"figure", sweep, "--metric", "figure1", "--out", slideSvg, "--no-caption"}, &output) == 0,
                 qPrintable(output));
        QVERIFY(!readAll(slideSvg).contains("cli-sweep"));

        QCOMPARE(runCli({"figure", sweep, "--metric", "accuracy", "--out", png}, &output), 2);
        QVERIFY2(output.contains("unknown metric 'accuracy'"), qPrintable(output));
        QCOMPARE(runCli({"figure", m_out.filePath("no-such-folder"), "--out", png}, &output), 2);
        QVERIFY2(output.contains("no-such-folder: no such folder"), qPrintable(output));
        QCOMPARE(runCli({"figure", data.path(), "--out", png}, &output), 2);
        QVERIFY2(output.contains("holds no readable run"), qPrintable(output));
        QCOMPARE(runCli({"figure", sweep, "--out", m_out.filePath("x.bmp")}, &output), 2);
    }
};

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QDir().mkpath(SHATTER_ARTIFACT_DIR);
    TestFigureExport test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_figure_export.moc"
