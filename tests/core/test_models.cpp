#include <QtTest>

#include "model/model_catalog.h"
#include "model/model_factory.h"
#include "shatter_error.h"

using namespace shatter;

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void paperParameterCounts() {
        const std::vector<std::pair<std::string, std::int64_t>> expected = {
            {"mlp-1x512", 1'209'866}, {"mlp-3x512", 1'735'178}, {"alexnet", 1'387'786},
            {"inception", 1'649'402}, {"inception-nobn", 1'649'402}};
        for (const auto& [key, count] : expected) {
            const auto model = ModelFactory::create(key, 3, 10, 0.0);
            QCOMPARE(model->paperParameterCount(), count);
            QCOMPARE(modelInfo(key).paperParameterCount, count);
        }
        // Without BatchNorm nothing is left out of the paper's count.
        QCOMPARE(ModelFactory::create("inception-nobn", 3, 10, 0.0)->trainableParameterCount(), 1'649'402);
        QVERIFY(ModelFactory::create("inception", 3, 10, 0.0)->trainableParameterCount() > 1'649'402);
    }

    void forwardShapesForGrayAndColour() {
        for (const ModelInfo& info : modelCatalog()) {
            for (std::int64_t channels : {1, 3}) {
                const auto model = ModelFactory::create(info.key, channels, 10, 0.1);
                model->eval();
                const torch::Tensor out = model->forward(torch::randn({2, channels, 28, 28}));
                QCOMPARE(out.size(0), 2);
                QCOMPARE(out.size(1), 10);
            }
        }
        QCOMPARE(ModelFactory::create("mlp-1x512", 1, 10, 0.0)->paperParameterCount(), 784 * 512 + 512 + 5130);
    }

    void unknownModelIsAConfigError() {
        QVERIFY_THROWS_EXCEPTION(ConfigError, ModelFactory::create("resnet", 3, 10, 0.0));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
