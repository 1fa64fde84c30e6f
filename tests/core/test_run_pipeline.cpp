#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>
#include <functional>
#include <nlohmann/json.hpp>
#include <thread>

#include "pipeline/run_pipeline.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "support/fixtures.h"

using namespace shatter;

namespace {

// Records the order of the pipeline's calls and what they carried.
class RecordingObserver : public RunObserver {
public:
    std::vector<std::string> calls;
    std::string runDirectory;
    std::shared_ptr<const CorruptedDataset> data;
    std::vector<EpochReport> epochs;
    std::function<void()> whenStarted;

    void onLoadingData(const std::string&) override { calls.push_back("loading"); }
    void onDataPrepared(const std::shared_ptr<const CorruptedDataset>& prepared) override {
        calls.push_back("prepared");
        data = prepared;
    }
    void onRunDirectory(const std::string& directory) override {
        calls.push_back("directory");
        runDirectory = directory;
    }
    void onStarted(const RunStart&) override {
        calls.push_back("started");
        if (whenStarted) whenStarted();
    }
    void onEpoch(const EpochReport& report) override {
        if (epochs.empty()) calls.push_back("epoch");
        epochs.push_back(report);
    }
    void onFinished(const RunSummary&) override { calls.push_back("finished"); }
};

RunConfig tinyConfig() {
    RunConfig config;
    config.name = "tiny";
    config.dataset = "fashion-mnist";  // read through the test's loader, not from disk
    config.model = "mlp-1x512";
    config.corruption = CorruptionMode::Labels;
    config.level = 0.5;
    config.epochs = 2;
    config.batchSize = 16;
    config.learningRate = 0.01;
    config.seed = 5;
    config.threads = 1;
    return config;
}

}  // namespace

class TestRunPipeline : public QObject {
    Q_OBJECT

    std::shared_ptr<const Dataset> m_dataset =
        std::make_shared<const Dataset>(test::makeSyntheticDataset(8, 4, 10, 1, 28));

    RunPipeline::DatasetLoader loader() {
        return [this](const std::string&) { return m_dataset; };
    }

private Q_SLOTS:
    void tinyRunWritesARunFolder() {
        QTemporaryDir root;
        RunPipeline pipeline(tinyConfig(), root.path().toStdString() + "/runs");
        pipeline.setDatasetLoader(loader());
        RecordingObserver observer;
        const RunSummary summary = pipeline.run(observer);

        QVERIFY(summary.status == RunStatus::Finished);
        QCOMPARE(summary.epochs, 2);
        QCOMPARE(observer.calls, (std::vector<std::string>{"loading", "prepared", "directory",
                                                           "started", "epoch", "finished"}));
        QCOMPARE(observer.runDirectory, pipeline.directory());
        QVERIFY(observer.data);
        QVERIFY(observer.data->corruptedCount() > 0);

        const RunRecord record = RunReader::load(pipeline.directory());
        QCOMPARE(int(record.epochs.size()), 2);
        QVERIFY(record.hasSummary);
        QVERIFY(record.summary.status == RunStatus::Finished);
        QCOMPARE(record.config.toJson().dump(), tinyConfig().toJson().dump());
        QVERIFY(std::filesystem::path(pipeline.directory()).filename().string().ends_with("-tiny"));
    }

    void stopBeforeStartIsHonoured() {
        QTemporaryDir root;
        RunPipeline pipeline(tinyConfig(), root.path().toStdString());
        pipeline.setDatasetLoader(loader());
        pipeline.requestStop();
        RecordingObserver observer;
        const RunSummary summary = pipeline.run(observer);
        QVERIFY(summary.status == RunStatus::Stopped);
        QCOMPARE(summary.epochs, 0);
        QVERIFY(observer.epochs.empty());
        QVERIFY(RunReader::load(pipeline.directory()).summary.status == RunStatus::Stopped);
    }

    void signalStopBeforeStartIsHonoured() {
        QTemporaryDir root;
        RunPipeline pipeline(tinyConfig(), root.path().toStdString());
        pipeline.setDatasetLoader(loader());
        pipeline.requestStopFromSignalHandler();
        RecordingObserver observer;
        QVERIFY(pipeline.run(observer).status == RunStatus::Stopped);
    }

    void pauseAndLearningRateSetBeforeStartReachTheTrainer() {
        QTemporaryDir root;
        RunPipeline pipeline(tinyConfig(), root.path().toStdString());
        pipeline.setDatasetLoader(loader());
        pipeline.setLearningRate(0.004);
        pipeline.setPaused(true);
        RecordingObserver observer;
        std::thread resumer;
        observer.whenStarted = [&]() {
            resumer = std::thread([&pipeline]() {
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                pipeline.setPaused(false);
            });
        };
        const RunSummary summary = pipeline.run(observer);
        resumer.join();
        QVERIFY(summary.status == RunStatus::Finished);
        QCOMPARE(observer.epochs.front().metrics.lr, 0.004);
        // The pause held the first epoch back, but its time does not count as training time.
        QVERIFY(observer.epochs.front().elapsedSeconds >= 0.3);
        QVERIFY(observer.epochs.front().metrics.epochSeconds <
                observer.epochs.front().elapsedSeconds);
    }

    void badConfigThrowsBeforeAnythingIsWritten() {
        QTemporaryDir root;
        RunConfig config = tinyConfig();
        config.batchSize = 0;
        RunPipeline pipeline(config, root.path().toStdString() + "/runs");
        pipeline.setDatasetLoader(loader());
        RecordingObserver observer;
        QVERIFY_THROWS_EXCEPTION(ConfigError, pipeline.run(observer));
        QVERIFY(observer.calls.empty());
        QVERIFY(!std::filesystem::exists(root.path().toStdString() + "/runs"));
    }
};

QTEST_GUILESS_MAIN(TestRunPipeline)
#include "test_run_pipeline.moc"
