// FigureBuilder (the plots behind Figure 1 and the metric overlays), FigureData's CSV and
// RunCollector (which folders a figure reads).
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "figure/figure_builder.h"
#include "figure/figure_caption.h"
#include "figure/run_collector.h"
#include "shatter_error.h"
#include "support/fixtures.h"
#include "sweep/sweep_runner.h"

using namespace shatter;

namespace {

RunRecord fakeRun(CorruptionMode mode, double level, std::optional<int> epochsToFit, double testAcc,
                  std::vector<double> losses, const std::string& model = "mlp-1x512") {
    RunRecord run;
    run.config.model = model;
    run.config.corruption = mode;
    run.config.level = level;
    run.summary.epochsToFit = epochsToFit;
    run.summary.testAcc = testAcc;
    for (std::size_t i = 0; i < losses.size(); ++i) {
        EpochMetrics m;
        m.epoch = int(i) + 1;
        m.trainLoss = losses[i];
        m.trainAcc = 0.5;
        m.testAcc = testAcc;
        run.epochs.push_back(m);
    }
    run.directory = model + "-" + corruptionModeKey(mode) + "-" + std::to_string(level);
    return run;
}

std::vector<RunRecord> labelSweep() {
    return {fakeRun(CorruptionMode::Labels, 0.0, 10, 0.85, {2.0, 1.0, 0.1}),
            fakeRun(CorruptionMode::Labels, 0.5, 20, 0.45, {2.2, 1.8, 1.0}),
            fakeRun(CorruptionMode::Labels, 1.0, 30, 0.10, {2.3, 2.2, 2.0}),
            fakeRun(CorruptionMode::Gaussian, 1.0, 25, 0.10, {2.3, 1.5, 0.5})};
}

}  // namespace

class TestFigure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void metricOverlaysOneSeriesPerRunInPercent() {
        const FigureData figure = FigureBuilder::metric(labelSweep(), "test_acc");
        QCOMPARE(figure.xLabel, std::string("epoch"));
        QCOMPARE(figure.yLabel, std::string("accuracy (%)"));
        QVERIFY(figure.integerX);
        QCOMPARE(int(figure.series.size()), 4);
        QCOMPARE(figure.series[0].name, std::string("true labels"));
        QCOMPARE(figure.series[1].name, std::string("labels 50%"));
        QCOMPARE(figure.series[2].name, std::string("random labels"));
        QCOMPARE(figure.series[3].name, std::string("Gaussian"));
        QCOMPARE(figure.series[2].y, (std::vector<double>{10.0, 10.0, 10.0}));
        QCOMPARE(figure.series[2].x, (std::vector<double>{1, 2, 3}));
        // Every series its own colour.
        QVERIFY(figure.series[0].colour != figure.series[1].colour);
    }

    void unknownMetricListsTheValidNames() {
        try {
            FigureBuilder::metric(labelSweep(), "accuracy");
            QFAIL("no exception");
        } catch (const ConfigError& error) {
            const QString message = error.what();
            QVERIFY2(message.contains("unknown metric 'accuracy'"), qPrintable(message));
            QVERIFY(message.contains("train_loss") && message.contains("test_error"));
        }
    }

    void figure1aShowsTrueLabelsAndEachModeAtItsHighestLevel() {
        const FigureData figure = FigureBuilder::trainingLossByMode(labelSweep());
        QCOMPARE(int(figure.series.size()), 3);  // true labels, random labels, Gaussian; not 50 %
        QCOMPARE(figure.series[0].name, std::string("true labels"));
        QCOMPARE(figure.series[1].name, std::string("random labels"));
        QCOMPARE(figure.series[2].name, std::string("Gaussian"));
        QCOMPARE(figure.series[0].y, (std::vector<double>{2.0, 1.0, 0.1}));
        QCOMPARE(figure.yLabel, std::string("training loss"));
    }

    void figure1bInEpochsAndAsSlowdown() {
        const FigureData epochs = FigureBuilder::timeToFit(labelSweep(), false);
        QCOMPARE(epochs.xLabel, std::string("corruption level"));
        QCOMPARE(int(epochs.series.size()), 2);  // labels and Gaussian, each from level 0
        const auto& labels = epochs.series[0];
        QCOMPARE(labels.name, std::string("label corruption"));
        QCOMPARE(labels.x, (std::vector<double>{0.0, 0.5, 1.0}));
        QCOMPARE(labels.y, (std::vector<double>{10, 20, 30}));
        const FigureData slowdown = FigureBuilder::timeToFit(labelSweep(), true);
        QCOMPARE(slowdown.series[0].y, (std::vector<double>{1.0, 2.0, 3.0}));
        QCOMPARE(slowdown.series[1].y, (std::vector<double>{1.0, 2.5}));
        // A run that never fitted leaves a gap instead of a made-up point.
        std::vector<RunRecord> runs = labelSweep();
        runs[1].summary.epochsToFit.reset();
        QCOMPARE(FigureBuilder::timeToFit(runs, false).series[0].x, (std::vector<double>{0.0, 1.0}));
    }

    void aModeWithItsOwnLevelZeroIsNotGivenASecondOne() {
        std::vector<RunRecord> runs = labelSweep();
        runs.push_back(fakeRun(CorruptionMode::Gaussian, 0.0, 12, 0.84, {2.0}));
        const FigureData figure = FigureBuilder::testError(runs);
        QCOMPARE(figure.series[1].name, std::string("Gaussian"));
        QCOMPARE(figure.series[1].x, (std::vector<double>{0.0, 1.0}));
        QVERIFY(std::abs(figure.series[1].y[0] - 0.16) < 1e-12);
    }

    void figure1cTestErrorRisesToChance() {
        const FigureData figure = FigureBuilder::testError(labelSweep());
        QVERIFY(figure.hasYRange);
        const auto& labels = figure.series[0];
        QCOMPARE(labels.x, (std::vector<double>{0.0, 0.5, 1.0}));
        QVERIFY(std::abs(labels.y[0] - 0.15) < 1e-12);
        QVERIFY(std::abs(labels.y[2] - 0.90) < 1e-12);
        QCOMPARE(FigureBuilder::metric(labelSweep(), "test_error").series.size(), figure.series.size());
    }

    void twoModelsAreToldApartByVariantAndName() {
        std::vector<RunRecord> runs = labelSweep();
        runs.push_back(fakeRun(CorruptionMode::Labels, 0.0, 5, 0.9, {1.0}, "alexnet"));
        runs.push_back(fakeRun(CorruptionMode::Labels, 1.0, 8, 0.1, {2.0}, "alexnet"));
        const FigureData figure = FigureBuilder::trainingLossByMode(runs);
        QCOMPARE(int(figure.series.size()), 5);
        QCOMPARE(figure.series[3].name, std::string("alexnet, true labels"));
        QCOMPARE(figure.series[3].look, figure.series[0].look);
        QCOMPARE(figure.series[3].variant, 1);
        QCOMPARE(figure.series[0].variant, 0);
    }

    void figure1CurvesCarryTheirModesLook() {
        const FigureData loss = FigureBuilder::trainingLossByMode(labelSweep());
        QCOMPARE(loss.series[0].look, 0);  // true labels
        QCOMPARE(loss.series[1].look, 1);  // random labels
        QCOMPARE(loss.series[2].look, 4);  // Gaussian
        const FigureData error = FigureBuilder::testError(labelSweep());
        QCOMPARE(error.series[0].look, 1);  // label corruption: the look of random labels
        QCOMPARE(error.series[1].look, 4);
        // Other plots keep colour and dash of their own.
        QCOMPARE(FigureBuilder::metric(labelSweep(), "test_acc").series[0].look, -1);
    }

    void figure1IsThreePanels() {
        const std::vector<FigureData> panels = FigureBuilder::panels(labelSweep(), "figure1");
        QCOMPARE(int(panels.size()), 3);
        QCOMPARE(panels[0].title, std::string("(a) Training loss"));
        QCOMPARE(panels[1].title, std::string("(b) Time to fit"));
        QCOMPARE(panels[2].title, std::string("(c) Test error"));
        QCOMPARE(FigureBuilder::figure1(labelSweep(), true)[1].title, FigureBuilder::timeToFit(labelSweep(), true).title);
        QCOMPARE(int(FigureBuilder::panels(labelSweep(), "test_acc").size()), 1);
        QVERIFY(FigureBuilder::isSummaryMetric("figure1"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, FigureBuilder::metric(labelSweep(), "figure1"));
        const std::string csv = FigureData::panelsCsv(panels);
        QVERIFY(csv.rfind("panel,series,x,y\n(a) Training loss,true labels,1,2\n", 0) == 0);
        QVERIFY(csv.find("(c) Test error,label corruption,0,0.15") != std::string::npos);
    }

    void captionsNameTheRunAndItsKeySettings() {
        RunConfig config;
        config.model = "mlp-1x512";
        config.dataset = "fashion-mnist";
        config.trainSize = 2000;
        config.corruption = CorruptionMode::Labels;
        config.level = 1.0;
        config.learningRate = 0.01;
        config.epochs = 20;
        QCOMPARE(FigureCaption::forRun("classroom", config),
                 std::string("classroom: mlp-1x512 · fashion-mnist, 2,000 training images · corrupted labels 100% · "
                             "lr 0.01 · 20 epochs"));
        config.corruption = CorruptionMode::None;
        config.trainSize = 0;
        config.dataset = "cifar10:/data/cifar";
        QCOMPARE(FigureCaption::forRun("", config),
                 std::string("mlp-1x512 · cifar10, all training images · true labels · lr 0.01 · 20 epochs"));

        std::vector<RunRecord> runs = labelSweep();
        for (RunRecord& run : runs) {
            run.config.trainSize = 300;
            run.config.epochs = 3;
        }
        const std::string sweep = FigureCaption::forRuns("sweep-1", runs);
        QVERIFY2(sweep.rfind("sweep-1: 4 runs · mlp-1x512 · fashion-mnist, 300 training images · ", 0) == 0, sweep.c_str());
        QVERIFY2(sweep.find("corrupted labels, Gaussian noise at 0, 50%, 100%") != std::string::npos, sweep.c_str());
        QVERIFY2(sweep.find("· 3 epochs") != std::string::npos, sweep.c_str());
        QCOMPARE(FigureCaption::forRuns("x", {}), std::string());
    }

    void csvHasOneRowPerPointAndQuotesNames() {
        FigureData figure;
        figure.xLabel = "epoch";
        figure.yLabel = "loss, train";
        FigureData::Series series;
        series.name = "a \"b\", c";
        series.x = {1, 2};
        series.y = {0.5, 0.25};
        figure.series.push_back(series);
        QCOMPARE(QString::fromStdString(figure.toCsv()),
                 QString("series,epoch,\"loss, train\"\n\"a \"\"b\"\", c\",1,0.5\n\"a \"\"b\"\", c\",2,0.25\n"));
        QCOMPARE(int(figure.pointCount()), 2);
    }

    void collectorReadsSweepRunAndRunsFolders() {
        QTemporaryDir data, out;
        test::writeMnistFolder(data.path().toStdString(), test::makeSyntheticDataset(5, 2, 10, 1, 28), false);
        SweepPlan plan;
        plan.base.dataset = "mnist:" + data.path().toStdString();
        plan.base.epochs = 1;
        plan.base.threads = 1;
        plan.base.batchSize = 25;  // at most the 50 training images
        plan.levels = {0.0, 1.0};
        const std::string sweep = (out.path() + "/sweep").toStdString();
        SweepRunner runner(plan, sweep);
        SweepObserver quiet;
        const SweepRecord record = runner.run(quiet);

        const RunCollector::Result fromSweep = RunCollector::collect({sweep});
        QCOMPARE(int(fromSweep.runs.size()), 2);
        QCOMPARE(fromSweep.runs[1].config.level, 1.0);
        const RunCollector::Result one = RunCollector::collect({sweep + "/" + record.points[0].directory});
        QCOMPARE(int(one.runs.size()), 1);

        // A folder of runs: a malformed run is skipped and reported, never fatal.
        QDir().mkpath(out.path() + "/broken");
        QFile config(out.path() + "/broken/config.json");
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{ not json");
        config.close();
        const RunCollector::Result all = RunCollector::collect({out.path().toStdString()});
        QCOMPARE(int(all.runs.size()), 2);
        QCOMPARE(int(all.skipped.size()), 1);

        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunCollector::collect({(out.path() + "/missing").toStdString()}));
        QVERIFY_THROWS_EXCEPTION(RunStoreError, RunCollector::collect({(out.path() + "/broken").toStdString()}));
    }
};

QTEST_GUILESS_MAIN(TestFigure)
#include "test_figure.moc"
