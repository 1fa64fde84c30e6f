#include <QtTest>
#include <nlohmann/json.hpp>

#include "corruption/corruption_level.h"
#include "shatter_error.h"
#include "train/run_config.h"

using namespace shatter;

namespace {

QString messageOf(const RunConfig& config) {
    try {
        config.validate();
    } catch (const ConfigError& error) {
        return QString::fromUtf8(error.what());
    }
    return {};
}

}  // namespace

// The rules RunConfig and the corruption level each own once: the effective level, the level's
// percent format, the level-list parser and the table of config.json keys.
class TestRunConfig : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void effectiveLevelIsZeroWithoutCorruption() {
        RunConfig config;
        config.level = 0.7;
        config.corruption = CorruptionMode::None;
        QCOMPARE(config.effectiveLevel(), 0.0);
        config.corruption = CorruptionMode::Labels;
        QCOMPARE(config.effectiveLevel(), 0.7);
        config.corruption = CorruptionMode::Gaussian;
        QCOMPARE(config.effectiveLevel(), 0.7);
        QCOMPARE(effectiveLevel(CorruptionMode::None, 1.0), 0.0);
    }

    void levelsFormatAsWholePercent() {
        QCOMPARE(formatLevel(0.5), std::string("50%"));
        QCOMPARE(formatLevel(0.0), std::string("0%"));
        QCOMPARE(formatLevel(1.0), std::string("100%"));
        QCOMPARE(formatLevel(0.2), std::string("20%"));
        QCOMPARE(levelPercent(0.333), 33);
        QCOMPARE(levelPercent(0.999), 100);
    }

    void levelListParsesEverySeparator() {
        QCOMPARE(parseLevelList("0, 0.2;0.5  1"), (std::vector<double>{0.0, 0.2, 0.5, 1.0}));
        QCOMPARE(parseLevelList("0.25,0.75,"), (std::vector<double>{0.25, 0.75}));
        QCOMPARE(parseLevelList("+0.5\t1e-1"), (std::vector<double>{0.5, 0.1}));
        QVERIFY(parseLevelList("").empty());
        QVERIFY(parseLevelList(" , ;").empty());
    }

    void levelListNamesTheBadPart() {
        try {
            parseLevelList("0, 0,5x, 1");
            QFAIL("no error");
        } catch (const ConfigError& error) {
            QVERIFY(QString(error.what()).contains("'5x'"));
        }
        QVERIFY_THROWS_EXCEPTION(ConfigError, parseLevelList("half"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, parseLevelList("0.5.1"));
    }

    void defaultConfigWritesEveryKeyOnce() {
        // config.json's settings, as every run folder written so far has them.
        QCOMPARE(
            RunConfig{}.toJson().dump(),
            std::string("{\"batch_size\":128,\"corruption\":\"none\",\"cuda_graphs\":true,"
                        "\"dataset\":\"fashion-mnist\","
                        "\"device\":\"auto\",\"dropout\":0.0,\"epochs\":20,\"fit_threshold\":0.999,"
                        "\"level\":1.0,\"lr\":null,\"lr_decay\":0.95,\"model\":\"mlp-1x512\","
                        "\"momentum\":0.9,\"name\":\"\",\"random_crop\":false,\"seed\":1,"
                        "\"stop_when_fit\":false,\"test_size\":0,\"threads\":0,\"train_size\":0,"
                        "\"weight_decay\":0.0}"));
    }

    void keyTableRoundTrips() {
        RunConfig config;
        config.name = "trial";
        config.dataset = "cifar10:/data/cifar";
        config.trainSize = 5000;
        config.testSize = 1000;
        config.model = "inception";
        config.corruption = CorruptionMode::ShuffledPixels;
        config.level = 0.4;
        config.epochs = 7;
        config.batchSize = 64;
        config.learningRate = 0.05;
        config.lrDecay = 0.9;
        config.momentum = 0.5;
        config.weightDecay = 1e-4;
        config.dropout = 0.25;
        config.randomCrop = true;
        config.seed = 9223372036854775807ull;  // the largest seed
        config.device = "cpu";
        config.threads = 3;
        config.cudaGraphs = false;
        config.fitThreshold = 0.95;
        config.stopWhenFit = true;

        RunConfig back;
        back.mergeJson(config.toJson(), "test");
        QCOMPARE(back.toJson(), config.toJson());
        QCOMPARE(back.seed, config.seed);
        QCOMPARE(back.corruption, CorruptionMode::ShuffledPixels);
        QCOMPARE(*back.learningRate, 0.05);
        QVERIFY(!back.cudaGraphs);

        // A null learning rate goes back to the model's default; absent keys keep their value.
        nlohmann::json partial = {{"lr", nullptr}, {"epochs", 3}};
        back.mergeJson(partial, "test");
        QVERIFY(!back.learningRate);
        QCOMPARE(back.epochs, 3);
        QCOMPARE(back.model, std::string("inception"));
    }

    void mergeNamesTheOriginAndKey() {
        RunConfig config;
        try {
            config.mergeJson(nlohmann::json{{"batch_size", "big"}}, "preset.json");
            QFAIL("no error");
        } catch (const ConfigError& error) {
            QCOMPARE(QString(error.what()),
                     QString("preset.json: batch_size \"big\": must be a whole number from 1 to 1000000"));
        }
        QVERIFY_THROWS_EXCEPTION(ConfigError, config.mergeJson(nlohmann::json{{"epoks", 1}}, "x"));
        QVERIFY_THROWS_EXCEPTION(ConfigError,
                                 config.mergeJson(nlohmann::json{{"corruption", "fog"}}, "x"));
        QVERIFY_THROWS_EXCEPTION(ConfigError, config.mergeJson(nlohmann::json::array(), "x"));
        // What a run folder and a preset add beside the settings is not an error.
        config.mergeJson(
            nlohmann::json{{"run", {{"device", "cpu"}}}, {"title", "t"}, {"description", "d"}},
            "x");
    }

    void validateNamesTheSettingAndItsRange() {
        QVERIFY(messageOf(RunConfig{}).isEmpty());
        RunConfig config;
        config.trainSize = -1;
        QCOMPARE(messageOf(config), QString("train_size -1: must be a whole number from 0 (all) to 1000000000"));
        config = RunConfig{};
        config.level = 1.5;
        QCOMPARE(messageOf(config), QString("level 1.5: must be between 0 and 1"));
        config = RunConfig{};
        config.device = "gpu";
        QCOMPARE(messageOf(config), QString("device 'gpu': use auto, cpu or cuda"));
        config = RunConfig{};
        config.learningRate = 0.0;
        QCOMPARE(messageOf(config),
                 QString("lr 0: must be greater than 0 and less than 100"));
        config = RunConfig{};
        config.epochs = 0;
        QCOMPARE(messageOf(config), QString("epochs 0: must be a whole number from 1 to 100000"));
        config = RunConfig{};
        config.model = "vgg";
        QVERIFY(!messageOf(config).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRunConfig)
#include "test_run_config.moc"
