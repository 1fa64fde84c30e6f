#include "theory/expressivity_construction.h"

#include <chrono>
#include <cstring>
#include <string_view>
#include <unordered_map>

#include "theory/memory_budget.h"
#include "theory/theory_tensors.h"
#include "util/seeded_random.h"

namespace shatter {

namespace {

namespace tt = theory_tensors;

constexpr std::uint64_t kDirectionPurpose = 601;
constexpr int kDirectionAttempts = 8;
constexpr std::int64_t kBlockRows = 1024;
// Neighbouring projections closer than this fraction of their spread count as equal: the
// triangular system would be solved from round-off. A new direction is then drawn.
constexpr double kRelativeGapFloor = 1e-12;

// Identical rows project to the same value for every direction a, so the construction (and the
// theorem, which assumes distinct points) cannot separate them. Checked exactly, up front.
void rejectDuplicates(const FeatureMatrix& train) {
    const std::size_t rowBytes = static_cast<std::size_t>(train.cols) * sizeof(double);
    std::unordered_multimap<std::size_t, std::int64_t> seen;
    seen.reserve(static_cast<std::size_t>(train.rows));
    for (std::int64_t i = 0; i < train.rows; ++i) {
        const std::string_view bytes(reinterpret_cast<const char*>(train.row(i)), rowBytes);
        const std::size_t hash = std::hash<std::string_view>{}(bytes);
        const auto range = seen.equal_range(hash);
        for (auto it = range.first; it != range.second; ++it) {
            if (std::memcmp(train.row(it->second), train.row(i), rowBytes) == 0) {
                throw DataError(
                    "training images " + std::to_string(it->second) + " and " + std::to_string(i) +
                    " are identical after preprocessing: their projections coincide for every "
                    "direction, so the 2n+d construction needs distinct inputs (remove the "
                    "duplicate or draw another subset with --seed)");
            }
        }
        seen.emplace(hash, i);
    }
}

torch::Tensor drawDirection(std::int64_t d, std::uint64_t seed, int attempt) {
    SeededRandom random(
        SeededRandom::deriveSeed(seed, kDirectionPurpose + static_cast<std::uint64_t>(attempt)));
    std::vector<double> values(static_cast<std::size_t>(d));
    for (double& value : values) value = random.normal();
    // Unit length: the theorem needs any direction with distinct projections; normalising only
    // keeps the projections on the scale of the inputs.
    const torch::Tensor a = torch::tensor(values, torch::kFloat64);
    return a / a.norm();
}

struct SortedProjections {
    torch::Tensor direction;  // a, (d)
    torch::Tensor values;     // sorted <a, x_i>, (n)
    torch::Tensor order;      // training index of each sorted value, (n)
    double minGap = 0.0;
};

SortedProjections separatingProjections(const torch::Tensor& x, std::uint64_t seed) {
    const std::int64_t n = x.size(0);
    for (int attempt = 0; attempt < kDirectionAttempts; ++attempt) {
        SortedProjections sorted;
        sorted.direction = drawDirection(x.size(1), seed, attempt);
        auto [values, order] = x.matmul(sorted.direction).sort();
        sorted.values = values;
        sorted.order = order;
        if (n < 2) {
            sorted.minGap = std::numeric_limits<double>::infinity();
            return sorted;
        }
        sorted.minGap = values.diff().min().item<double>();
        const double spread = (values[n - 1] - values[0]).item<double>();
        if (sorted.minGap > kRelativeGapFloor * spread) return sorted;
    }
    throw DataError("two training inputs are too close to tell apart along " +
                    std::to_string(kDirectionAttempts) +
                    " random directions; the construction needs clearly distinct inputs");
}

// b_1 < x_1 < b_2 < x_2 < ... < b_n < x_n: every bias half-way between its point and the previous
// one, the first as far below x_1 as b_2 is.
torch::Tensor interleavedBiases(const torch::Tensor& x) {
    const std::int64_t n = x.size(0);
    if (n == 1) return x - 1.0;
    const torch::Tensor midpoints = (x.slice(0, 0, n - 1) + x.slice(0, 1, n)) / 2.0;
    const torch::Tensor first = x.slice(0, 0, 1) - (x.slice(0, 1, 2) - x.slice(0, 0, 1)) / 2.0;
    return torch::cat({first, midpoints});
}

// The hidden layer's activations max(t - b_j, 0) for projections t, (len(t) x n).
torch::Tensor hidden(const torch::Tensor& t, const torch::Tensor& biases) {
    return (t.unsqueeze(1) - biases.unsqueeze(0)).clamp_min(0.0);
}

// Network outputs for many projections, a block of rows at a time so memory stays at
// kBlockRows x n whatever the number of points.
torch::Tensor outputs(const torch::Tensor& t, const torch::Tensor& biases, const torch::Tensor& w) {
    std::vector<torch::Tensor> blocks;
    for (std::int64_t start = 0; start < t.size(0); start += kBlockRows) {
        const std::int64_t length = std::min(kBlockRows, t.size(0) - start);
        blocks.push_back(hidden(t.slice(0, start, start + length), biases).matmul(w));
    }
    if (blocks.empty()) return torch::zeros({0, w.size(1)}, torch::kFloat64);
    return torch::cat(blocks);
}

std::vector<std::vector<double>> columns(const torch::Tensor& matrix) {
    std::vector<std::vector<double>> result;
    for (std::int64_t c = 0; c < matrix.size(1); ++c)
        result.push_back(tt::toVector(matrix.select(1, c)));
    return result;
}

}  // namespace

std::int64_t ExpressivityConstruction::bytesNeeded(std::int64_t n, std::int64_t m, std::int64_t d,
                                                   int classes) {
    const std::int64_t k = classes;
    // A (n x n), one block of hidden activations, targets, weights and outputs (n x k each), the
    // test outputs, and the projections and biases; all float64.
    const std::int64_t doubles =
        n * n + std::min(kBlockRows, std::max(n, m)) * n + 4 * n * k + m * k + d + 4 * (n + m);
    return doubles * static_cast<std::int64_t>(sizeof(double));
}

ExpressivityResult ExpressivityConstruction::fit(const FeatureMatrix& train,
                                                 const std::vector<int>& labels,
                                                 const FeatureMatrix& test,
                                                 const std::vector<int>& testLabels, int classCount,
                                                 const Settings& settings) {
    tt::requireLabelled(train, labels, classCount, "expressivity construction (training set)");
    tt::requireLabelled(test, testLabels, classCount, "expressivity construction (test set)");
    if (train.rows < 1)
        throw ConfigError("expressivity construction: needs at least one training image");
    if (test.rows > 0 && test.cols != train.cols) {
        throw ConfigError("expressivity construction: test inputs have " +
                          std::to_string(test.cols) + " values, training inputs " +
                          std::to_string(train.cols));
    }
    ExpressivityResult result;
    result.n = train.rows;
    result.d = train.cols;
    result.classes = classCount;
    result.bytesNeeded = bytesNeeded(train.rows, test.rows, train.cols, classCount);
    MemoryBudget::require(
        result.bytesNeeded, MemoryBudget::limitBytes(settings.maxMemoryBytes),
        "the expressivity construction for " + std::to_string(train.rows) + " training images");
    rejectDuplicates(train);

    torch::NoGradGuard noGrad;
    const auto started = std::chrono::steady_clock::now();
    const SortedProjections sorted = separatingProjections(tt::view(train), settings.seed);
    const torch::Tensor& x = sorted.values;
    const torch::Tensor biases = interleavedBiases(x);
    // A_ij = max(x_i - b_j, 0): zero above the diagonal (b_j > x_{j-1} >= x_i for j > i) and
    // x_i - b_i > 0 on it, so A is lower triangular and invertible; forward substitution
    // (LAPACK's triangular solve) gives one weight column per class against one-hot targets.
    const torch::Tensor sortedLabels = tt::labelTensor(labels).index_select(0, sorted.order);
    const torch::Tensor targets = torch::one_hot(sortedLabels, classCount).to(torch::kFloat64);
    const torch::Tensor weights =
        torch::linalg_solve_triangular(hidden(x, biases), targets, /*upper=*/false);

    const torch::Tensor trainOutputs = outputs(x, biases, weights);
    result.trainAcc = tt::accuracy(trainOutputs, sortedLabels);
    result.maxResidual = (trainOutputs - targets).abs().max().item<double>();
    torch::Tensor testProjections = torch::zeros({0}, torch::kFloat64);
    if (test.rows > 0) {
        testProjections = tt::view(test).matmul(sorted.direction);
        result.testAcc =
            tt::accuracy(outputs(testProjections, biases, weights), tt::labelTensor(testLabels));
    } else {
        result.testAcc = std::nan("");
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    result.weightsPerOutput = 2 * result.n + result.d;
    result.totalWeights = result.d + result.n + classCount * result.n;
    result.minGap = sorted.minGap;
    result.projections = tt::toVector(x);
    for (std::int64_t label :
         std::vector<std::int64_t>(sortedLabels.data_ptr<std::int64_t>(),
                                   sortedLabels.data_ptr<std::int64_t>() + result.n)) {
        result.labels.push_back(static_cast<int>(label));
    }
    const torch::Tensor order = sorted.order.contiguous();
    result.trainIndex.assign(order.data_ptr<std::int64_t>(),
                             order.data_ptr<std::int64_t>() + result.n);
    result.biases = tt::toVector(biases);
    result.weights = columns(weights);
    result.valuesAtPoints = columns(trainOutputs);
    result.testProjections = tt::toVector(testProjections);
    result.testLabels = testLabels;
    return result;
}

}  // namespace shatter
