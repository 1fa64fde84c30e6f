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

    // Small AlexNet is placed on the CPU with channels-last weights (faster there); its scores and
    // gradients are those of the usual layout, up to the order of the convolutions' sums.
    void channelsLastOnTheCpuComputesTheSameScores() {
        QVERIFY(modelInfo("alexnet").channelsLastOnCpu);
        QVERIFY(!modelInfo("mlp-1x512").channelsLastOnCpu);
        torch::manual_seed(4);
        const auto usual = ModelFactory::create("alexnet", 3, 10, 0.0);
        torch::manual_seed(4);
        const auto placed = ModelFactory::create("alexnet", 3, 10, 0.0);
        ModelFactory::place(*placed, "alexnet", torch::kCPU);
        QVERIFY(placed->channelsLast());
        QVERIFY(!usual->channelsLast());
        for (const torch::Tensor& weight : placed->parameters()) {
            if (weight.dim() == 4) QVERIFY(weight.is_contiguous(torch::MemoryFormat::ChannelsLast));
        }
        const torch::Tensor images = torch::randn({8, 3, 28, 28});
        const torch::Tensor expected = usual->forward(images);
        const torch::Tensor scores = placed->forward(images);
        QVERIFY(torch::allclose(scores, expected, 1e-4, 1e-5));
        expected.sum().backward();
        scores.sum().backward();
        const std::vector<torch::Tensor> ours = placed->parameters(), theirs = usual->parameters();
        for (std::size_t k = 0; k < ours.size(); ++k) {
            QVERIFY2(torch::allclose(ours[k].grad(), theirs[k].grad(), 1e-3, 1e-4), qPrintable(QString::number(k)));
        }
        // An MLP keeps the usual layout.
        const auto mlp = ModelFactory::create("mlp-1x512", 3, 10, 0.0);
        ModelFactory::place(*mlp, "mlp-1x512", torch::kCPU);
        QVERIFY(!mlp->channelsLast());
    }

    void unknownModelIsAConfigError() {
        QVERIFY_THROWS_EXCEPTION(ConfigError, ModelFactory::create("resnet", 3, 10, 0.0));
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
