// How the charts are laid out and told apart, measured on the QCustomPlot objects they draw:
// Figure 1's curves each with their own colour, dash and marker; the three panels on one slide
// with one legend; captions in exported files; tick labels, titles, axis titles, legends and the
// reset button never running into each other, in narrow charts and in presentation mode.
//
// qcustomplot.h uses Qt's keywords (signals, slots), which the tests otherwise switch off; it
// comes first, before any Qt header has read that switch.
#undef QT_NO_KEYWORDS
#include <qcustomplot.h>

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QPushButton>
#include <QRegularExpression>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <tuple>

#include "figure/figure_builder.h"
#include "figures/figure1_view.h"
#include "figures/figure_plot.h"
#include "figures/figure_renderer.h"
#include "figures/marked_graph.h"
#include "live/metric_plot.h"
#include "common/plot_theme.h"

using namespace shatter;

namespace {

RunRecord fakeRun(CorruptionMode mode, double level, int epochs, double testAcc, std::optional<int> fit,
                  double lossScale = 1.0) {
    RunRecord run;
    run.config.model = "mlp-1x512";
    run.config.dataset = "fashion-mnist";
    run.config.trainSize = 300;
    run.config.epochs = epochs;
    run.config.corruption = mode;
    run.config.level = level;
    run.summary.epochsToFit = fit;
    run.summary.testAcc = testAcc;
    for (int e = 1; e <= epochs; ++e) {
        EpochMetrics m;
        m.epoch = e;
        m.trainLoss = 2.3 * lossScale / e;
        m.trainAcc = 0.5;
        m.testAcc = testAcc;
        run.epochs.push_back(m);
    }
    run.directory = "/runs/sweep-test/" + corruptionModeKey(mode) + "-" + std::to_string(level);
    return run;
}

// A sweep of every mode at levels 0, 0.5 and 1 in which, as on real data, true labels and
// shuffled pixels fall on the same loss curve, and so do random pixels and Gaussian noise.
std::vector<RunRecord> sweep(int epochs) {
    std::vector<RunRecord> runs;
    const CorruptionMode modes[] = {CorruptionMode::Labels, CorruptionMode::ShuffledPixels,
                                    CorruptionMode::RandomPixels, CorruptionMode::Gaussian};
    for (CorruptionMode mode : modes) {
        for (double level : {0.0, 0.5, 1.0}) {
            const double scale = level == 0.0 || mode == CorruptionMode::ShuffledPixels ? 1.0
                                 : mode == CorruptionMode::Labels                       ? 2.0
                                                                                        : 1.5;
            runs.push_back(fakeRun(mode, level, epochs, 0.8 - 0.7 * level, int(epochs * (0.3 + 0.5 * level)), scale));
        }
    }
    return runs;
}

QString readAll(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QString::fromUtf8(file.readAll());
}

// The texts of an SVG file joined by spaces, so that a line broken in the drawing reads whole.
QString svgText(const QString& path) {
    QStringList texts;
    const QRegularExpression text(">([^<>]+)</text>");
    for (const QRegularExpressionMatch& match : text.globalMatch(readAll(path))) texts << match.captured(1).trimmed();
    return texts.join(' ');
}

// Draws `plot` as it would appear: shown at `size`, laid out, every queued replot done.
void settle(QWidget* widget, QSize size) {
    widget->resize(size);
    widget->show();
    QVERIFY(QTest::qWaitForWindowExposed(widget));
    for (int i = 0; i < 4; ++i) QCoreApplication::processEvents();
}

// The rectangles the tick labels of `axis` are drawn in, from its tick vector and font.
QList<QRectF> tickLabelRects(QCPAxis* axis) {
    QList<QRectF> rects;
    const QFontMetrics metrics(axis->tickLabelFont());
    const QVector<double> ticks = axis->tickVector();
    const QVector<QString> labels = axis->tickVectorLabels();
    for (int i = 0; i < ticks.size(); ++i) {
        if (!axis->range().contains(ticks[i])) continue;
        const double at = axis->coordToPixel(ticks[i]);
        const QSizeF size(metrics.horizontalAdvance(labels[i]), metrics.height());
        rects << (axis->orientation() == Qt::Horizontal
                      ? QRectF(at - size.width() / 2, axis->axisRect()->bottom() + 4, size.width(), size.height())
                      : QRectF(axis->axisRect()->left() - 4 - size.width(), at - size.height() / 2, size.width(),
                               size.height()));
    }
    return rects;
}

void verifyTickLabelsApart(QCPAxis* axis) {
    const QList<QRectF> rects = tickLabelRects(axis);
    QVERIFY2(rects.size() >= 2, qPrintable(QString("%1 tick labels").arg(rects.size())));
    for (int i = 1; i < rects.size(); ++i) {
        const bool apart = axis->orientation() == Qt::Horizontal ? rects[i - 1].right() + 4 <= rects[i].left()
                                                                 : rects[i].bottom() + 2 <= rects[i - 1].top();
        QVERIFY2(apart, qPrintable(QString("tick labels '%1' and '%2' overlap")
                                       .arg(axis->tickVectorLabels().value(i - 1), axis->tickVectorLabels().value(i))));
    }
}

// The rectangle the rotated y axis title occupies: centred on the axis rect, as long as its text.
QRectF yLabelRect(QCPAxis* axis) {
    const QFontMetrics metrics(axis->labelFont());
    const double length = metrics.horizontalAdvance(axis->label());
    const QRect rect = axis->axisRect()->rect();
    return QRectF(axis->axisRect()->outerRect().left(), rect.center().y() - length / 2, metrics.height(), length);
}

QCPTextElement* textNamed(QCustomPlot* plot, const QString& name) {
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        auto* text = qobject_cast<QCPTextElement*>(element);
        if (text && text->objectName() == name) return text;
    }
    return nullptr;
}

// Every legend item has at least the width its icon and whole name need, inside the plot.
void verifyLegendWhole(QCustomPlot* plot) {
    const QList<QCPAbstractLegendItem*> items = FigureRenderer::legendItems(plot->legend);
    QVERIFY(!items.isEmpty());
    for (QCPAbstractLegendItem* item : items) {
        auto* graphItem = qobject_cast<QCPPlottableLegendItem*>(item);
        const QString name = graphItem ? graphItem->plottable()->name() : QString();
        QVERIFY2(item->outerRect().width() >= item->minimumOuterSizeHint().width(),
                 qPrintable(QString("legend entry '%1' is %2 px of %3").arg(name).arg(item->outerRect().width())
                                .arg(item->minimumOuterSizeHint().width())));
        QVERIFY2(plot->viewport().contains(item->outerRect()), qPrintable("legend entry outside: " + name));
    }
}

MetricPlot* livePlot(const QString& title, const QString& yLabel, const std::vector<std::string>& names, int epochs) {
    auto* plot = new MetricPlot(title, yLabel);
    std::vector<FigureData::Series> series;
    for (std::size_t s = 0; s < names.size(); ++s) {
        FigureData::Series curve;
        curve.name = names[s];
        curve.rgb = int(PlotTheme().paletteColour(int(s)).rgb() & 0xFFFFFF);
        curve.dash = int(s);
        for (int e = 1; e <= epochs; ++e) {
            curve.x.push_back(e);
            curve.y.push_back(2.0 / e + 0.1 * double(s));
        }
        series.push_back(curve);
    }
    plot->setSeries(series);
    plot->setEpochCount(epochs);
    return plot;
}

}  // namespace

class TestFigureLayout : public QObject {
    Q_OBJECT

    QTemporaryDir m_out;

private Q_SLOTS:
    void init() { PlotTheme::setCurrent(PlotTheme()); }

    void figure1CurvesEachHaveTheirOwnColourDashAndMarker() {
        for (const bool dark : {false, true}) {
            PlotTheme theme;
            theme.dark = dark;
            PlotTheme::setCurrent(theme);
            FigurePlot plot;
            plot.applyTheme(theme);
            plot.setFigure(FigureBuilder::trainingLossByMode(sweep(3)));
            settle(&plot, QSize(520, 420));
            QCustomPlot* p = plot.plot();
            QCOMPARE(p->graphCount(), 5);  // true labels and four modes
            std::set<QRgb> colours;
            std::set<int> dashes, shapes;
            for (int i = 0; i < p->graphCount(); ++i) {
                QCPGraph* graph = p->graph(i);
                colours.insert(graph->pen().color().rgb());
                dashes.insert(int(graph->pen().style()));
                shapes.insert(int(graph->scatterStyle().shape()));
                QVERIFY(!graph->scatterStyle().isNone());
            }
            QCOMPARE(int(colours.size()), 5);
            QCOMPARE(int(dashes.size()), 5);
            QCOMPARE(int(shapes.size()), 5);
            // The legend lists all five, each drawn with its marker.
            QCOMPARE(FigureRenderer::legendItems(p->legend).size(), 5);
        }
    }

    void coincidentCurvesKeepApartOnLongRuns() {
        FigurePlot plot;
        plot.setFigure(FigureBuilder::trainingLossByMode(sweep(40)));
        settle(&plot, QSize(600, 420));
        QCustomPlot* p = plot.plot();
        QCOMPARE(p->graphCount(), 5);
        auto* trueLabels = qobject_cast<MarkedGraph*>(p->graph(0));
        auto* shuffled = qobject_cast<MarkedGraph*>(p->graph(2));
        auto* randomPixels = qobject_cast<MarkedGraph*>(p->graph(3));
        auto* gaussian = qobject_cast<MarkedGraph*>(p->graph(4));
        QVERIFY(trueLabels && shuffled && randomPixels && gaussian);
        // Same data, markers at other epochs: both curves show.
        QCOMPARE(trueLabels->data()->at(5)->value, shuffled->data()->at(5)->value);
        QVERIFY(trueLabels->markerStep() > 1);
        QVERIFY(trueLabels->markerPhase() != shuffled->markerPhase());
        QVERIFY(randomPixels->markerPhase() != gaussian->markerPhase());
        // Filled small marker against an open larger one.
        QVERIFY(trueLabels->scatterStyle().brush().style() != Qt::NoBrush);
        QCOMPARE(shuffled->scatterStyle().brush().style(), Qt::NoBrush);
        QVERIFY(shuffled->scatterStyle().size() > trueLabels->scatterStyle().size());
    }

    void threePanelExportHasThePanelsAndOneLegend() {
        Figure1View view;
        view.setRuns(sweep(6), "test sweep");
        QVERIFY(view.exportPanelsButton()->isEnabled());
        const std::vector<FigureData> panels = view.panels();
        QCOMPARE(int(panels.size()), 3);

        QCustomPlot plot;
        plot.resize(1280, 720);
        plot.setViewport(QRect(0, 0, 1280, 720));
        FigureRenderer::drawPanels(&plot, panels, PlotTheme(), PlotTheme().exportFont());
        plot.replot();
        QCOMPARE(plot.axisRects().size(), 3);
        // Five looks, each listed once although (b) and (c) repeat four of them.
        QCOMPARE(FigureRenderer::legendItems(plot.legend).size(), 5);
        verifyLegendWhole(&plot);
        // The panels stand side by side, apart.
        const QList<QCPAxisRect*> rects = plot.axisRects();
        QVERIFY(rects[0]->outerRect().right() <= rects[1]->outerRect().left());
        QVERIFY(rects[1]->outerRect().right() <= rects[2]->outerRect().left());
        QCOMPARE(rects[0]->top(), rects[2]->top());

        const QString svg = m_out.filePath("figure1.svg");
        QString error;
        QVERIFY2(FigureRenderer::savePanels(panels, PlotTheme(), svg, QSize(960, 540), 96, &error), qPrintable(error));
        QVERIFY(QSvgRenderer(svg).isValid());
        const QString xml = readAll(svg);
        for (const QString text : {"(a) Training loss", "(b) Time to fit", "(c) Test error", "true labels",
                                   "shuffled pixels", "random pixels", "Gaussian", "sweep-test"}) {
            QVERIFY2(xml.contains(text), qPrintable(text));
        }
        const QString png = m_out.filePath("figure1.png");
        QVERIFY(FigureRenderer::savePanels(panels, PlotTheme(), png, QSize(FigureRenderer::kSlideWidth,
                                                                           FigureRenderer::kSlideHeight),
                                           FigureRenderer::kSlideDpi, &error));
        QCOMPARE(QImage(png).size(), QSize(1920, 1080));
        QImage(png).save(QString(SHATTER_ARTIFACT_DIR) + "/figure1-three-panels.png");
        PlotTheme dark;
        dark.dark = dark.presentation = true;
        QVERIFY(FigureRenderer::savePanels(panels, dark, m_out.filePath("dark.png"), QSize(1920, 1080), 144, &error));
        QCOMPARE(QImage(m_out.filePath("dark.png")).pixelColor(2, 2), dark.background());
        QImage(m_out.filePath("dark.png")).save(QString(SHATTER_ARTIFACT_DIR) + "/figure1-three-panels-dark.png");
        const QString pdf = m_out.filePath("figure1.pdf");
        QVERIFY(FigureRenderer::savePanels(panels, PlotTheme(), pdf, QSize(960, 540), 96, &error));
        QVERIFY(readAll(pdf).startsWith("%PDF-"));
    }

    void liveChartExportCarriesItsCaption() {
        std::unique_ptr<MetricPlot> plot(livePlot("Loss", "cross-entropy", {"train", "test"}, 10));
        plot->setCaption("classroom-random-labels: mlp-1x512 · fashion-mnist, 2,000 training images · "
                         "corrupted labels 100% · lr 0.01 · 20 epochs");
        const FigureData figure = plot->figureData();
        QCOMPARE(QString::fromStdString(figure.caption), plot->caption());
        const QString svg = m_out.filePath("live-loss.svg");
        QString error;
        QVERIFY2(FigureRenderer::save(figure, PlotTheme(), svg, QSize(640, 400), 96, &error), qPrintable(error));
        QVERIFY2(svgText(svg).contains(plot->caption()), qPrintable(svgText(svg)));
        // Exported, not on screen: the window's chart has no caption element.
        QVERIFY(!textNamed(plot->plot(), PlotTheme::kCaptionName));
    }

    void narrowChartsSpaceTheirTickLabels() {
        std::unique_ptr<MetricPlot> live(livePlot("Accuracy", "accuracy (%)", {"train", "test"}, 40));
        settle(live.get(), QSize(230, 260));
        verifyTickLabelsApart(live->plot()->xAxis);
        settle(live.get(), QSize(900, 260));
        QTRY_VERIFY(live->plot()->xAxis->tickVector().size() >= 5);  // a wide chart gets more ticks
        verifyTickLabelsApart(live->plot()->xAxis);

        for (const FigureData& figure : FigureBuilder::figure1(sweep(40), false)) {
            FigurePlot panel;
            panel.setFigure(figure);
            settle(&panel, QSize(200, 300));
            verifyTickLabelsApart(panel.plot()->xAxis);
            verifyTickLabelsApart(panel.plot()->yAxis);
        }
    }

    void titlesStayClearOfAxisTitlesInPresentationMode() {
        PlotTheme theme;
        theme.presentation = true;
        PlotTheme::setCurrent(theme);
        for (const auto& [title, label] : {std::pair<QString, QString>("Loss", "cross-entropy"),
                                           std::pair<QString, QString>("Generalization gap", "train − test (%)")}) {
            std::unique_ptr<MetricPlot> plot(livePlot(title, label, {"train", "test"}, 20));
            plot->applyTheme(theme);
            settle(plot.get(), QSize(420, 170));  // the lower charts of a 1280x800 window
            QTRY_VERIFY(plot->height() >= plot->minimumSizeHint().height());
            for (int i = 0; i < 4; ++i) QCoreApplication::processEvents();
            QCustomPlot* p = plot->plot();
            QCPTextElement* titleElement = textNamed(p, "chartTitle");
            QVERIFY(titleElement);
            const QRectF labelRect = yLabelRect(p->yAxis);
            QVERIFY2(labelRect.top() >= titleElement->outerRect().bottom(),
                     qPrintable(QString("%1: y title from %2, chart title to %3")
                                    .arg(title).arg(labelRect.top()).arg(titleElement->outerRect().bottom())));
            QVERIFY(labelRect.bottom() <= p->axisRect()->outerRect().bottom());
        }
        // Figure 1's (b) as slowdown: the long y title and the title in a short panel.
        FigurePlot panel;
        panel.applyTheme(theme);
        panel.setFigure(FigureBuilder::timeToFit(sweep(6), true));
        settle(&panel, QSize(320, 240));
        QCustomPlot* p = panel.plot();
        QTRY_VERIFY(yLabelRect(p->yAxis).top() >= textNamed(p, "figureTitle")->outerRect().bottom());
    }

    void longTitlesWrapInsteadOfBeingCut() {
        FigurePlot panel;
        panel.setFigure(FigureBuilder::timeToFit(sweep(6), true));  // "(b) Time to fit, relative to true labels"
        settle(&panel, QSize(220, 320));
        QCPTextElement* title = textNamed(panel.plot(), "figureTitle");
        QVERIFY(title);
        QVERIFY(title->text().contains('\n'));
        const QFontMetrics metrics(title->font());
        for (const QString& line : title->text().split('\n')) {
            QVERIFY2(metrics.horizontalAdvance(line) <= panel.plot()->viewport().width(), qPrintable(line));
        }
    }

    void legendsNeverCutTheirEntries() {
        // Compare-like: long run names in a narrow chart.
        std::unique_ptr<MetricPlot> plot(livePlot(
            "Test accuracy", "accuracy (%)",
            {"classroom random labels", "classroom true labels", "gaussian 100% · 20240101-101010"}, 10));
        for (const int width : {300, 520, 1100}) {
            settle(plot.get(), QSize(width, 360));
            QTRY_VERIFY(plot->plot()->legend->outerRect().width() > 0);
            verifyLegendWhole(plot->plot());
        }
        QVERIFY(!plot->legendBelowTitle());  // wide: beside the title
        settle(plot.get(), QSize(300, 360));
        QTRY_VERIFY(plot->legendBelowTitle());
        // Figure 1 (a) in a narrow panel: legend in as many columns as fit.
        FigurePlot panel;
        panel.setFigure(FigureBuilder::trainingLossByMode(sweep(6)));
        settle(&panel, QSize(240, 400));
        verifyLegendWhole(panel.plot());
    }

    void resetButtonLeavesTheTitleVisible() {
        std::unique_ptr<MetricPlot> plot(livePlot("Test accuracy", "accuracy (%)", {"train"}, 10));
        settle(plot.get(), QSize(500, 300));
        QTest::mousePress(plot->plot(), Qt::LeftButton, {}, plot->plot()->axisRect()->rect().center());
        QTest::mouseRelease(plot->plot(), Qt::LeftButton, {}, plot->plot()->axisRect()->rect().center());
        QTRY_VERIFY(plot->resetButton()->isVisible());
        for (int i = 0; i < 4; ++i) QCoreApplication::processEvents();
        QCPTextElement* title = textNamed(plot->plot(), "chartTitle");
        QVERIFY(!plot->resetButton()->geometry().intersects(title->outerRect()));
        QVERIFY(plot->plot()->axisRect()->rect().contains(plot->resetButton()->geometry()));
    }

    void emptyFigure1ShowsOneMessage() {
        Figure1View view;
        settle(&view, QSize(900, 400));
        auto* message = view.findChild<QLabel*>("figure1Empty");
        QVERIFY(message);
        QCOMPARE(view.currentPage(), static_cast<QWidget*>(message));
        QVERIFY(!view.exportPanelsButton()->isEnabled());
        view.setRuns(sweep(3), "runs");
        QVERIFY(view.currentPage() != message);
        // A panel with nothing to draw (no run reached its fit threshold) has one note, inside it.
        std::vector<RunRecord> unfitted = sweep(3);
        for (RunRecord& run : unfitted) run.summary.epochsToFit.reset();
        view.setRuns(unfitted, "runs");
        for (int i = 0; i < 4; ++i) QCoreApplication::processEvents();
        QCustomPlot* p = view.timePlot()->plot();
        QCOMPARE(p->itemCount(), 1);
        auto* note = qobject_cast<QCPItemText*>(p->item(0));
        QVERIFY(note);
        const QFontMetrics metrics(note->font());
        for (const QString& line : note->text().split('\n')) {
            QVERIFY2(metrics.horizontalAdvance(line) <= p->axisRect()->width(), qPrintable(line));
        }
    }
};

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_CONFIG_HOME", (home.path() + "/config").toUtf8());
    QApplication app(argc, argv);
    QDir().mkpath(SHATTER_ARTIFACT_DIR);
    TestFigureLayout test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_figure_layout.moc"
