// FigureProgress: a figure part of the way through its runs, the frames of an animation.
#include <QtTest>

#include <cmath>

#include "figure/figure_builder.h"
#include "figure/figure_progress.h"

using namespace shatter;

namespace {

// Two runs' training loss over epochs 1..8 (the second stops at 6); a fixed y range nowhere.
FigureData lossFigure() {
    FigureData figure;
    figure.title = "Training loss";
    figure.xLabel = "epoch";
    figure.yLabel = "cross-entropy";
    figure.integerX = true;
    figure.caption = "two runs";
    FigureData::Series a;
    a.name = "true labels";
    FigureData::Series b;
    b.name = "random labels";
    b.colour = 1;
    for (int e = 1; e <= 8; ++e) {
        a.x.push_back(e);
        a.y.push_back(2.0 / e);
        if (e <= 6) {
            b.x.push_back(e);
            b.y.push_back(2.3 - 0.1 * e);
        }
    }
    figure.series = {a, b};
    return figure;
}

}  // namespace

class TestFigureProgress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void startShowsEmptyAxesOfTheWholeFigureAndEveryLegendEntry() {
        const FigureData figure = lossFigure();
        const FigureData start = FigureProgress::at(figure, 0.0);
        QCOMPARE(FigureProgress::position(figure, 0.0), 0.0);
        QCOMPARE(int(start.series.size()), 2);
        QCOMPARE(start.series[0].name, std::string("true labels"));
        QCOMPARE(start.series[1].name, std::string("random labels"));
        QCOMPARE(start.series[1].colour, 1);
        QCOMPARE(start.pointCount(), std::size_t(0));
        QVERIFY(start.hasExtent);
        QCOMPARE(start.extentXLow, 1.0);
        QCOMPARE(start.extentXHigh, 8.0);
        QCOMPARE(start.extentYLow, 0.25);
        QCOMPARE(start.extentYHigh, 2.2);
        QCOMPARE(start.title, figure.title);
        QCOMPARE(start.xLabel, figure.xLabel);
        QCOMPARE(start.yLabel, figure.yLabel);
        QCOMPARE(start.caption, figure.caption);
        QVERIFY(start.integerX);
    }

    void halfwayCutsBetweenEpochsWithTheLastStretchInterpolated() {
        // t = 0.45 of 8 epochs: epoch 3.6, between 3 and 4.
        const FigureData figure = lossFigure();
        QCOMPARE(FigureProgress::position(figure, 0.45), 3.6);
        const FigureData cut = FigureProgress::at(figure, 0.45);
        const FigureData::Series& a = cut.series[0];
        QCOMPARE(int(a.x.size()), 4);
        QCOMPARE(a.x[2], 3.0);
        QCOMPARE(a.y[2], 2.0 / 3.0);
        QCOMPARE(a.x[3], 3.6);
        QVERIFY(std::abs(a.y[3] - (2.0 / 3 + 0.6 * (2.0 / 4 - 2.0 / 3))) < 1e-12);
        QVERIFY(a.interpolatedEnd);
        QCOMPARE(a.wholeCount, std::size_t(8));
        const FigureData::Series& b = cut.series[1];
        QCOMPARE(b.x.back(), 3.6);
        QVERIFY(std::abs(b.y.back() - (2.3 - 0.36)) < 1e-12);
        QCOMPARE(b.wholeCount, std::size_t(6));

        // t = 0.5: epoch 4 exactly, no interpolated point.
        const FigureData half = FigureProgress::at(figure, 0.5);
        QCOMPARE(int(half.series[0].x.size()), 4);
        QCOMPARE(half.series[0].x.back(), 4.0);
        QVERIFY(!half.series[0].interpolatedEnd);

        // The second run ended at epoch 6: past it, it stays whole while the first one grows.
        const FigureData late = FigureProgress::at(figure, 0.9);
        QCOMPARE(late.series[1].x, figure.series[1].x);
        QVERIFY(!late.series[1].interpolatedEnd);
        QCOMPARE(late.series[0].x.back(), 0.9 * 8);
    }

    void curvesOnlyGrowFromFrameToFrame() {
        const FigureData figure = lossFigure();
        const int frames = FigureProgress::frameCount(24, 2.0);
        std::size_t before = 0;
        double reach = -1;
        for (int i = 0; i < frames; ++i) {
            const FigureData frame = FigureProgress::at(figure, FigureProgress::progressOf(i, frames));
            QVERIFY(frame.pointCount() >= before);
            QVERIFY(frame.series[0].x.empty() || frame.series[0].x.back() > reach);
            if (!frame.series[0].x.empty()) reach = frame.series[0].x.back();
            before = frame.pointCount();
            // The axes never move: every frame has the whole figure's extent.
            QCOMPARE(frame.extentXHigh, 8.0);
            QCOMPARE(frame.extentYHigh, 2.2);
        }
    }

    void endIsTheWholeFigure() {
        const FigureData figure = lossFigure();
        const FigureData end = FigureProgress::at(figure, 1.0);
        QCOMPARE(int(end.series.size()), int(figure.series.size()));
        for (std::size_t i = 0; i < figure.series.size(); ++i) {
            QCOMPARE(end.series[i].x, figure.series[i].x);
            QCOMPARE(end.series[i].y, figure.series[i].y);
            QVERIFY(!end.series[i].interpolatedEnd);
        }
        QCOMPARE(end.toCsv(), figure.toCsv());
        // Out of range progress is clamped.
        QCOMPARE(FigureProgress::at(figure, 7.0).toCsv(), figure.toCsv());
        QCOMPARE(FigureProgress::at(figure, -1.0).pointCount(), std::size_t(0));
        QCOMPARE(FigureProgress::at(figure, std::nan("")).pointCount(), std::size_t(0));
    }

    void aFixedYRangeIsKeptAndALevelAxisIsDrawnFromLeftToRight() {
        // Figure 1 (c): test error over corruption levels 0..1, y fixed to 0..1.
        FigureData figure;
        figure.title = "(c) Test error";
        figure.hasYRange = true;
        FigureData::Series s;
        s.name = "label corruption";
        s.markers = true;
        s.x = {0.0, 0.5, 1.0};
        s.y = {0.2, 0.5, 0.9};
        figure.series = {s};
        const FigureData cut = FigureProgress::at(figure, 0.75);
        QVERIFY(cut.hasYRange);
        QCOMPARE(cut.yLow, 0.0);
        QCOMPARE(cut.yHigh, 1.0);
        QCOMPARE(cut.series[0].x, (std::vector<double>{0.0, 0.5, 0.75}));
        QCOMPARE(cut.series[0].y[2], 0.7);
        QVERIFY(cut.series[0].interpolatedEnd);
        // At t = 0 the point at level 0 is already there.
        QCOMPARE(FigureProgress::at(figure, 0.0).pointCount(), std::size_t(1));
    }

    void aFigureWithoutPointsKeepsItsNote() {
        FigureData figure;
        figure.title = "(b) Time to fit";
        figure.note = "No run reached its fit threshold";
        figure.series.push_back({});
        const FigureData cut = FigureProgress::at(figure, 0.5);
        QVERIFY(!cut.hasExtent);
        QCOMPARE(cut.note, figure.note);
        QCOMPARE(FigureProgress::at(std::vector<FigureData>{figure, lossFigure()}, 0.5).size(), std::size_t(2));
    }

    void framesAreRoundedFromFpsTimesSeconds() {
        QCOMPARE(FigureProgress::frameCount(30, 6.0), 180);
        QCOMPARE(FigureProgress::frameCount(24, 4.0), 96);
        QCOMPARE(FigureProgress::frameCount(30, 0.25), 8);   // 7.5 rounds up
        QCOMPARE(FigureProgress::frameCount(10, 0.01), 1);   // at least one
        QCOMPARE(FigureProgress::progressOf(0, 96), 0.0);
        QCOMPARE(FigureProgress::progressOf(95, 96), 1.0);
        QCOMPARE(FigureProgress::progressOf(0, 1), 1.0);
        QCOMPARE(FigureProgress::progressOf(2, 5), 0.5);
    }
};

QTEST_GUILESS_MAIN(TestFigureProgress)
#include "test_figure_progress.moc"
