#include "train/compute_profile.h"

#include <torch/types.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "model/model_catalog.h"
#include "model/model_factory.h"
#include "train/compute_device.h"
#include "train/synthetic_training.h"

namespace shatter {

namespace {

constexpr std::int64_t kEvalBatch = 1000;

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// One matrix product of training: out (rows x cols) = a (rows x inner) * b (inner x cols).
struct Product {
    torch::Tensor a, b, out;
    double flops() const { return 2.0 * static_cast<double>(a.size(0) * a.size(1) * b.size(1)); }
};

// The products one SGD step of a network of linear layers does at this batch size: forward,
// weight gradient, and input gradient for every layer but the first (its input needs none).
std::vector<Product> trainingProducts(Classifier& model, std::int64_t batch) {
    std::vector<Product> products;
    bool first = true;
    for (const torch::Tensor& weight : model.parameters()) {
        if (weight.dim() != 2) continue;
        const std::int64_t out = weight.size(0), in = weight.size(1);
        auto add = [&](std::int64_t rows, std::int64_t inner, std::int64_t cols) {
            products.push_back({torch::randn({rows, inner}), torch::randn({inner, cols}),
                                torch::empty({rows, cols})});
        };
        add(batch, in, out);              // forward
        add(out, batch, in);              // weight gradient
        if (!first) add(batch, out, in);  // input gradient
        first = false;
    }
    return products;
}

bool onlyLinearLayers(Classifier& model) {
    for (const torch::Tensor& p : model.parameters()) {
        if (p.dim() > 2) return false;
    }
    return true;
}

}  // namespace

ComputeProfile::Result ComputeProfile::measure(const std::string& modelKey, int channels,
                                               int batchSize, int samples, int repetitions,
                                               int threads) {
    const ThreadPools pools =
        ComputeDevice::configureCpuThreads(threads, modelInfo(modelKey).threadSplit,
                                           ComputeDevice::calibratedPools(modelKey, channels, threads));
    Result result;
    result.threads = ThreadPolicy::describe(pools, ComputeDevice::matmulThreads());

    SyntheticTraining training(modelKey, channels, batchSize);
    Classifier& model = training.model();
    const torch::Tensor evalInputs =
        torch::randn({kEvalBatch, channels, ModelFactory::kInputSide, ModelFactory::kInputSide});
    const int steps = std::max(1, samples / batchSize);
    const int evalBatches = std::max<int>(1, samples / static_cast<int>(kEvalBatch));

    auto train = [&] {
        model.train();
        training.step();  // warm-up
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i) training.step();
        return steps * batchSize / secondsSince(start);
    };
    auto evaluate = [&] {
        torch::NoGradGuard noGrad;
        model.eval();
        model.forward(evalInputs);  // warm-up
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < evalBatches; ++i) model.forward(evalInputs).argmax(1);
        return evalBatches * static_cast<double>(kEvalBatch) / secondsSince(start);
    };

    std::vector<Product> products;
    if (onlyLinearLayers(model)) products = trainingProducts(model, batchSize);
    double trainFlops = 0.0;
    for (const Product& p : products) trainFlops += p.flops();
    auto multiply = [&] {
        for (Product& p : products) torch::mm_out(p.out, p.a, p.b);  // warm-up
        const auto start = std::chrono::steady_clock::now();
        for (int i = 0; i < steps; ++i) {
            for (Product& p : products) torch::mm_out(p.out, p.a, p.b);
        }
        return steps * trainFlops / secondsSince(start);
    };

    std::vector<double> trained, evaluated, multiplied;
    for (int r = 0; r < repetitions; ++r) {
        trained.push_back(train());
        evaluated.push_back(evaluate());
        if (!products.empty()) multiplied.push_back(multiply());
    }
    result.trainSamplesPerSecond = median(trained);
    result.evalSamplesPerSecond = median(evaluated);
    if (!products.empty()) {
        result.trainFlopsPerSample = trainFlops / batchSize;
        double forwardFlops = 0.0;
        for (const torch::Tensor& weight : model.parameters()) {
            if (weight.dim() == 2) forwardFlops += 2.0 * static_cast<double>(weight.numel());
        }
        result.evalFlopsPerSample = forwardFlops;
        result.matmulFlopsPerSecond = median(multiplied);
    }
    return result;
}

}  // namespace shatter
