#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

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
        QCOMPARE(int(points.size()), 6);  // none contributes a single point per model
        QCOMPARE(points[0].name, std::string("mlp-1x512-none"));
        QCOMPARE(points[1].name, std::string("mlp-1x512-labels-0"));
        QCOMPARE(points[2].name, std::string("mlp-1x512-labels-100"));
        QCOMPARE(points[3].name, std::string("alexnet-none"));
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
            QCOMPARE(observer.events, (std::vector<std::string>{"start mlp-1x512-labels-0", "end finished",
                                                                "start mlp-1x512-labels-50", "end stopped"}));
            QCOMPARE(int(record.points.size()), 2);
            QCOMPARE(toString(record.points[1].status), std::string("stopped"));
        }
        SweepRunner again(tinyPlan(), out.path().toStdString());
        ScriptedObserver observer;
        const SweepRecord record = again.run(observer);
        QCOMPARE(observer.events, (std::vector<std::string>{"skip mlp-1x512-labels-0", "start mlp-1x512-labels-50",
                                                            "end finished", "start mlp-1x512-labels-100",
                                                            "end finished"}));
        QCOMPARE(int(record.points.size()), 3);
        for (const auto& point : record.points) QCOMPARE(toString(point.status), std::string("finished"));
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
