// The live charts draw what the live run holds: each curve shows its own metric (train
// accuracy on the train curve, test accuracy on the test curve, ...), redrawn once per event
// loop turn, and a new run starts the charts over. The exported figures carry the same numbers.
#include <QApplication>
#include <QTest>

#include "figure/figure_data.h"
#include "live/live_run.h"
#include "live/live_view.h"
#include "live/metric_plot.h"

using namespace shatter;

namespace {

EpochReport epoch(int number) {
    EpochReport report;
    report.metrics.epoch = number;
    report.metrics.trainAcc = 0.9;
    report.metrics.trainAccClean = 0.95;
    report.metrics.trainAccCorrupted = 0.85;
    report.metrics.testAcc = 0.1;
    report.metrics.gap = 0.8;
    report.metrics.trainLoss = 0.25;
    report.metrics.testLoss = 2.5;
    return report;
}

// The y values of the series named `name` in `figure`; fails the test when there is none.
std::vector<double> valuesOf(const FigureData& figure, const std::string& name) {
    for (const FigureData::Series& series : figure.series) {
        if (series.name == name) return series.y;
    }
    qWarning("no series '%s' in '%s'", name.c_str(), figure.title.c_str());
    return {};
}

FigureData drawn(const LiveView& view, const char* stem) {
    return view.findChild<MetricPlot*>(stem)->figureData();
}

}  // namespace

class TestLiveView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eachCurveShowsItsOwnMetric() {
        LiveRun run;
        LiveView view(&run);
        run.begin(5);
        run.addEpoch(epoch(1));
        run.addEpoch(epoch(2));

        const std::vector<double> twice90 = {90.0, 90.0};
        QTRY_COMPARE(valuesOf(drawn(view, "live-accuracy"), "train"), twice90);
        const FigureData accuracy = drawn(view, "live-accuracy");
        QCOMPARE(valuesOf(accuracy, "test"), (std::vector<double>{10.0, 10.0}));
        QCOMPARE(valuesOf(accuracy, "train, clean"), (std::vector<double>{95.0, 95.0}));
        QCOMPARE(valuesOf(accuracy, "train, corrupted"), (std::vector<double>{85.0, 85.0}));
        QCOMPARE(accuracy.series.front().x, (std::vector<double>{1.0, 2.0}));
        const FigureData loss = drawn(view, "live-loss");
        QCOMPARE(valuesOf(loss, "train"), (std::vector<double>{0.25, 0.25}));
        QCOMPARE(valuesOf(loss, "test"), (std::vector<double>{2.5, 2.5}));
        QCOMPARE(valuesOf(drawn(view, "live-generalization-gap"), "gap"),
                 (std::vector<double>{80.0, 80.0}));
    }

    void exportedFiguresCarryTheRunsNumbers() {
        LiveRun run;
        LiveView view(&run);
        run.begin(3);
        run.addEpoch(epoch(1));
        const auto figures = view.figures();  // from the run, even before the charts redraw
        QCOMPARE(int(figures.size()), 3);
        QCOMPARE(figures[0].first, QString("live-accuracy"));
        QCOMPARE(valuesOf(figures[0].second, "train"), std::vector<double>{90.0});
        QCOMPARE(valuesOf(figures[0].second, "test"), std::vector<double>{10.0});
        QCOMPARE(figures[1].first, QString("live-loss"));
        QCOMPARE(valuesOf(figures[1].second, "test"), std::vector<double>{2.5});
        QCOMPARE(figures[2].first, QString("live-generalization-gap"));
        QCOMPARE(valuesOf(figures[2].second, "gap"), std::vector<double>{80.0});
    }

    void epochsArrivingTogetherAreDrawnOnce() {
        LiveRun run;
        LiveView view(&run);
        run.begin(10);
        for (int e = 1; e <= 4; ++e) run.addEpoch(epoch(e));
        QVERIFY(drawn(view, "live-accuracy").series.front().x.empty());  // not yet redrawn
        QCoreApplication::processEvents();
        QCOMPARE(int(drawn(view, "live-accuracy").series.front().x.size()), 4);
    }

    void aNewRunStartsTheChartsOver() {
        LiveRun run;
        LiveView view(&run);
        run.begin(3);
        run.addEpoch(epoch(1));
        QTRY_COMPARE(int(drawn(view, "live-loss").series.front().x.size()), 1);
        run.begin(3);
        for (const char* stem : {"live-accuracy", "live-loss", "live-generalization-gap"}) {
            for (const FigureData::Series& series : drawn(view, stem).series)
                QVERIFY(series.x.empty());
        }
    }

    void missingValuesLeaveGapsInTheirCurveOnly() {
        LiveRun run;
        LiveView view(&run);
        run.begin(3);
        EpochReport clean = epoch(1);
        clean.metrics.trainAccCorrupted = NAN;  // no corrupted examples
        run.addEpoch(clean);
        QTRY_COMPARE(valuesOf(drawn(view, "live-accuracy"), "train"), std::vector<double>{90.0});
        QVERIFY(valuesOf(drawn(view, "live-accuracy"), "train, corrupted").empty());
    }
};

QTEST_MAIN(TestLiveView)
#include "test_live_view.moc"
