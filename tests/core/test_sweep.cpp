#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <nlohmann/json.hpp>

#include "figure/figure_builder.h"

#include "run/run_reader.h"
#include "shatter_error.h"
#include "support/fixtures.h"
#include "sweep/sweep_runner.h"
#include "sweep/sweep_summary.h"

using namespace shatter;

namespace {

// Cancels the sweep when a given point starts; records the order of events.
class ScriptedObserver : public SweepObserver {
public:
    SweepRunner* runner = nullptr;
    int cancelAtPoint = -1;
    std::vector<std::string> events;

    void onPointStarted(int index, int, const RunConfig& point, const std::string&) override {
        events.push_back("start " + SweepPlan::pointName(point));
        if (index == cancelAtPoint) runner->cancel();
    }
    void onPointSkipped(int, int, const std::string& name) override { events.push_back("skip " + name); }
    void onPointFinished(int, int, const RunSummary& summary) override { events.push_back("end " + toString(summary.status)); }
};

RunRecord fakeRun(const std::string& model, CorruptionMode mode, double level, std::optional<int> epochsToFit,
                  double testAcc) {
    RunRecord run;
    run.config.model = model;
    run.config.corruption = mode;
    run.config.level = level;
    run.summary.epochsToFit = epochsToFit;
    run.summary.testAcc = testAcc;
    run.directory = model + "-" + std::to_string(level);
    return run;
}

}  // namespace

class TestSweep : public QObject {
    Q_OBJECT

    QTemporaryDir m_data;
    SweepPlan tinyPlan() const {
        SweepPlan plan;
        plan.base.dataset = "mnist:" + m_data.path().toStdString();
        plan.base.epochs = 2;
        plan.base.batchSize = 32;
        plan.base.threads = 1;
        plan.levels = {0.0, 0.5, 1.0};
        return plan;
    }

private Q_SLOTS:
    void initTestCase() {
        test::writeMnistFolder(m_data.path().toStdString(), test::makeSyntheticDataset(10, 5, 10, 1, 28), false);
    }

    void pointsAreOrderedModelModeLevel() {
        SweepPlan plan;
        plan.models = {"mlp-1x512", "alexnet"};
        plan.modes = {CorruptionMode::None, CorruptionMode::Labels};
        plan.levels = {0.0, 1.0};
        const std::vector<RunConfig> points = plan.points();
        QCOMPARE(int(points.size()), 4);  // one true-labels baseline per model, then levels above 0
        QCOMPARE(points[0].name, std::string("mlp-1x512-none"));
        QCOMPARE(points[1].name, std::string("mlp-1x512-labels-100"));
        QCOMPARE(points[2].name, std::string("alexnet-none"));
        // A sweep recorded before the shared baseline keeps its level 0 per mode.
        plan.sharedBaseline = false;
        const std::vector<RunConfig> legacy = plan.points();
        QCOMPARE(int(legacy.size()), 6);
        QCOMPARE(legacy[1].name, std::string("mlp-1x512-labels-0"));
        plan.sharedBaseline = true;
        plan.levels = {1.5};
        QVERIFY_THROWS_EXCEPTION(ConfigError, plan.validate());
        plan.levels.clear();
        QVERIFY_THROWS_EXCEPTION(ConfigError, plan.validate());
    }

    void runsEveryPointAndWritesSweepJson() {
        QTemporaryDir out;
        SweepRunner runner(tinyPlan(), out.path().toStdString());
        ScriptedObserver observer;
        const SweepRecord record = runner.run(observer);
        QCOMPARE(int(record.points.size()), 3);
        for (const auto& point : record.points) {
            QCOMPARE(toString(point.status), std::string("finished"));
            const RunRecord run = RunReader::load(out.path().toStdString() + "/" + point.directory);
            QCOMPARE(int(run.epochs.size()), 2);
        }
        const SweepRecord loaded = SweepRecord::load(out.path().toStdString());
        QCOMPARE(int(loaded.points.size()), 3);
        QCOMPARE(loaded.plan.levels, (std::vector<double>{0.0, 0.5, 1.0}));
        QCOMPARE(loaded.points[2].name, std::string("mlp-1x512-labels-100"));
    }

    void cancelStopsAndARerunResumesTheRest() {
        QTemporaryDir out;
        {
            SweepRunner runner(tinyPlan(), out.path().toStdString());
            ScriptedObserver observer;
            observer.runner = &runner;
            observer.cancelAtPoint = 1;
            const SweepRecord record = runner.run(observer);
            QCOMPARE(observer.events, (std::vector<std::string>{"start mlp-1x512-none", "end finished",
                                                                "start mlp-1x512-labels-50", "end stopped"}));
            QCOMPARE(int(record.points.size()), 2);
            QCOMPARE(toString(record.points[1].status), std::string("stopped"));
        }
        SweepRunner again(tinyPlan(), out.path().toStdString());
        ScriptedObserver observer;
        const SweepRecord record = again.run(observer);
        QCOMPARE(observer.events, (std::vector<std::string>{"skip mlp-1x512-none", "start mlp-1x512-labels-50",
                                                            "end finished", "start mlp-1x512-labels-100",
                                                            "end finished"}));
        QCOMPARE(int(record.points.size()), 3);
        for (const auto& point : record.points) QCOMPARE(toString(point.status), std::string("finished"));
    }

    // A sweep over three modes used to train level 0 once per mode: 9 runs, 2 of them repeats.
    void threeModesPlanOneBaselineAndFigure1UsesItForEveryMode() {
        SweepPlan plan;
        plan.modes = {CorruptionMode::Labels, CorruptionMode::RandomPixels, CorruptionMode::Gaussian};
        plan.levels = {0.0, 0.5, 1.0};
        const std::vector<RunConfig> points = plan.points();
        QCOMPARE(int(points.size()), 7);  // 1 baseline + 3 modes x 2 levels above 0
        int baselines = 0;
        for (const RunConfig& point : points) {
            if (point.effectiveLevel() == 0.0) {
                ++baselines;
                QVERIFY(point.corruption == CorruptionMode::None);
            }
        }
        QCOMPARE(baselines, 1);

        std::vector<RunRecord> runs;
        for (const RunConfig& point : points) {
            RunRecord run = fakeRun(point.model, point.corruption, point.level,
                                    int(10 + 20 * point.effectiveLevel()),
                                    0.9 - 0.8 * point.effectiveLevel());
            run.config = point;
            run.directory = point.name;
            run.epochs.push_back(EpochMetrics{});
            runs.push_back(run);
        }
        const FigureData error = FigureBuilder::testError(runs);
        const FigureData time = FigureBuilder::timeToFit(runs, false);
        QCOMPARE(int(error.series.size()), 3);
        for (const FigureData* figure : {&error, &time}) {
            for (const FigureData::Series& series : figure->series) {
                QCOMPARE(series.x, (std::vector<double>{0.0, 0.5, 1.0}));
            }
        }
        for (const FigureData::Series& series : error.series) {
            QVERIFY(std::abs(series.y[0] - 0.1) < 1e-9);  // the baseline's test error
        }
        for (const SweepSummary::Series& series : SweepSummary::fromRuns(runs).series) {
            QCOMPARE(series.points.front().runDirectory, std::string("mlp-1x512-none"));
        }
        // (a): true labels once, then each mode at its highest level.
        const FigureData loss = FigureBuilder::trainingLossByMode(runs);
        QCOMPARE(int(loss.series.size()), 4);
        QCOMPARE(loss.series[0].name, std::string("true labels"));
    }

    // Resuming a sweep planned with a level-0 run per mode runs that same plan.
    void resumingAnOldSweepKeepsItsLevelZeroPoints() {
        QTemporaryDir out;
        {
            SweepPlan old = tinyPlan();
            old.sharedBaseline = false;
            SweepRunner runner(old, out.path().toStdString());
            ScriptedObserver observer;
            QCOMPARE(int(runner.run(observer).points.size()), 3);
        }
        QCOMPARE(SweepRecord::load(out.path().toStdString()).plan.sharedBaseline, false);
        SweepRunner again(tinyPlan(), out.path().toStdString());
        ScriptedObserver observer;
        again.run(observer);
        QCOMPARE(observer.events, (std::vector<std::string>{"skip mlp-1x512-labels-0", "skip mlp-1x512-labels-50",
                                                            "skip mlp-1x512-labels-100"}));
        // A sweep.json from before the setting existed reads as the old rule.
        nlohmann::json json = nlohmann::json::parse(std::ifstream(out.path().toStdString() + "/sweep.json"));
        json.erase("shared_baseline");
        std::ofstream(out.path().toStdString() + "/sweep.json") << json.dump();
        QCOMPARE(SweepRecord::load(out.path().toStdString()).plan.sharedBaseline, false);
    }

    void summaryComputesSlowdownAndTestError() {
        const std::vector<RunRecord> runs = {
            fakeRun("mlp-1x512", CorruptionMode::Labels, 1.0, 30, 0.10),
            fakeRun("mlp-1x512", CorruptionMode::None, 0.0, 10, 0.85),
            fakeRun("mlp-1x512", CorruptionMode::Labels, 0.5, 20, 0.45),
            fakeRun("mlp-1x512", CorruptionMode::Labels, 0.8, std::nullopt, 0.20),
        };
        const SweepSummary summary = SweepSummary::fromRuns(runs);
        QCOMPARE(int(summary.series.size()), 1);
        const auto& points = summary.series[0].points;
        QCOMPARE(int(points.size()), 4);
        QCOMPARE(points[0].level, 0.0);
        QCOMPARE(points[0].slowdown.value_or(0), 1.0);
        QCOMPARE(points[1].level, 0.5);
        QCOMPARE(points[1].slowdown.value_or(0), 2.0);
        QVERIFY(!points[2].epochsToFit && !points[2].slowdown);  // never fitted
        QCOMPARE(points[3].slowdown.value_or(0), 3.0);
        QVERIFY(std::abs(points[3].testError - 0.9) < 1e-12);
    }

    void malformedSweepJsonIsNamed() {
        QTemporaryDir out;
        std::ofstream(out.path().toStdString() + "/sweep.json") << "{\"runs\": 3}";
        try {
            SweepRecord::load(out.path().toStdString());
            QFAIL("no error");
        } catch (const RunStoreError& error) {
            QVERIFY(QString(error.what()).contains("sweep.json"));
        }
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"
