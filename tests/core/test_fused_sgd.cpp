#include <torch/optim/sgd.h>

#include <QtTest>

#include "train/fused_sgd.h"

using namespace shatter;

// FusedSgd's promise: the parameters torch::optim::SGD computes, bit for bit, step after step.
class TestFusedSgd : public QObject {
    Q_OBJECT

    // Parameters of awkward sizes (vector remainders, several parallel chunks), the same values
    // in both copies, and a few steps of fresh random gradients.
    static void compare(double momentum, double weightDecay, bool clearBetweenSteps) {
        torch::manual_seed(3);
        const std::vector<std::vector<std::int64_t>> shapes = {{10}, {512, 2352}, {7, 3}, {100003}};
        std::vector<torch::Tensor> ours, theirs;
        for (const auto& shape : shapes) {
            const torch::Tensor start = torch::randn(shape);
            ours.push_back(start.clone().set_requires_grad(true));
            theirs.push_back(start.clone().set_requires_grad(true));
        }
        FusedSgd fused(ours, 0.01, momentum, weightDecay);
        torch::optim::SGD reference(
            theirs, torch::optim::SGDOptions(0.01).momentum(momentum).weight_decay(weightDecay));
        for (int step = 0; step < 4; ++step) {
            if (clearBetweenSteps) fused.clearGradients();
            reference.zero_grad();
            for (std::size_t k = 0; k < shapes.size(); ++k) {
                const torch::Tensor gradient = torch::randn(shapes[k]);
                ours[k].mutable_grad() = gradient.clone();
                theirs[k].mutable_grad() = gradient.clone();
            }
            fused.step();
            reference.step();
            for (std::size_t k = 0; k < shapes.size(); ++k)
                QVERIFY(torch::equal(ours[k], theirs[k]));
        }
        // The learning rate can change between steps.
        fused.setLearningRate(0.005);
        QCOMPARE(fused.learningRate(), 0.005);
    }

private Q_SLOTS:
    void momentumAsTorch() { compare(0.9, 0.0, true); }
    void momentumAndWeightDecayAsTorch() { compare(0.9, 5e-4, false); }
    void plainSgdAsTorch() { compare(0.0, 0.0, true); }

    void clearedGradientsAreUndefinedAndSkipped() {
        torch::Tensor p = torch::ones({4}).set_requires_grad(true);
        FusedSgd sgd({p}, 0.1, 0.9, 0.0);
        p.mutable_grad() = torch::ones({4});
        sgd.clearGradients();
        QVERIFY(!p.grad().defined());
        sgd.step();
        QVERIFY(torch::equal(p, torch::ones({4})));
    }
};

QTEST_APPLESS_MAIN(TestFusedSgd)
#include "test_fused_sgd.moc"
