#include "theory/kernel_interpolation.h"

#include <chrono>
#include <cmath>

#include "theory/memory_budget.h"
#include "theory/theory_tensors.h"

namespace shatter {

namespace {

namespace tt = theory_tensors;

// The median heuristic looks at the pairs among at most this many training points, spread evenly
// over the set: the median of 2 million distances is as good an estimate as that of n^2 / 2, and
// needs no n x n copy.
constexpr std::int64_t kMedianSample = 2000;

double medianDistance(const torch::Tensor& x) {
    const std::int64_t n = x.size(0);
    const std::int64_t sample = std::min(n, kMedianSample);
    const torch::Tensor rows =
        torch::linspace(0, static_cast<double>(n - 1), sample, torch::kFloat64)
            .round()
            .to(torch::kInt64);
    return torch::pdist(x.index_select(0, rows)).median().item<double>();
}

// Kernel rows k(a_i, b_j) for every pair.
class KernelFunction {
public:
    KernelFunction(KernelType type, double bandwidth) : m_type(type), m_bandwidth(bandwidth) {}

    torch::Tensor operator()(const torch::Tensor& a, const torch::Tensor& b) const {
        torch::Tensor products = a.matmul(b.t());
        if (m_type == KernelType::Linear) return products;
        // |a - b|^2 = |a|^2 + |b|^2 - 2<a, b>, clamped at 0 against round-off; in place, so
        // building the n x n matrix takes one n x n buffer.
        products.mul_(-2.0)
            .add_(a.square().sum(1).unsqueeze(1))
            .add_(b.square().sum(1).unsqueeze(0))
            .clamp_min_(0.0);
        return products.mul_(-1.0 / (2.0 * m_bandwidth * m_bandwidth)).exp_();
    }

private:
    KernelType m_type;
    double m_bandwidth;
};

}  // namespace

std::int64_t KernelInterpolation::bytesNeeded(std::int64_t n, std::int64_t m, int classes) {
    const std::int64_t k = classes;
    const std::int64_t doubles = 2 * n * n +
                                 std::min(kBlockRows, std::max(m, std::int64_t{1})) * n * 2 +
                                 4 * n * k + m * k + 2 * n;
    return doubles * static_cast<std::int64_t>(sizeof(double));
}

void KernelInterpolation::checkMemory(std::int64_t n, std::int64_t m, int classes,
                                      const KernelSettings& settings) {
    MemoryBudget::require(
        bytesNeeded(n, m, classes), MemoryBudget::limitBytes(settings.maxMemoryBytes),
        "kernel interpolation on " + std::to_string(n) + " training images (" + std::to_string(n) +
            " x " + std::to_string(n) + " kernel matrix and its factor)");
}

KernelResult KernelInterpolation::fit(const FeatureMatrix& train, const std::vector<int>& labels,
                                      const FeatureMatrix& test, const std::vector<int>& testLabels,
                                      int classCount, const KernelSettings& settings) {
    tt::requireLabelled(train, labels, classCount, "kernel interpolation (training set)");
    tt::requireLabelled(test, testLabels, classCount, "kernel interpolation (test set)");
    if (train.rows < 1)
        throw ConfigError("kernel interpolation: needs at least one training image");
    if (test.rows > 0 && test.cols != train.cols) {
        throw ConfigError("kernel interpolation: test inputs have " + std::to_string(test.cols) +
                          " values, training inputs " + std::to_string(train.cols));
    }
    if (!(settings.ridge >= 0.0) || !std::isfinite(settings.ridge)) {
        throw ConfigError("ridge " + std::to_string(settings.ridge) + ": must be 0 or positive");
    }
    if (settings.bandwidth && !(*settings.bandwidth > 0.0 && std::isfinite(*settings.bandwidth))) {
        throw ConfigError("bandwidth " + std::to_string(*settings.bandwidth) +
                          ": must be positive");
    }
    KernelResult result;
    result.kernel = settings.kernel;
    result.n = train.rows;
    result.d = train.cols;
    result.classes = classCount;
    result.ridge = settings.ridge;
    result.bytesNeeded = bytesNeeded(train.rows, test.rows, classCount);
    result.bytesLimit = MemoryBudget::limitBytes(settings.maxMemoryBytes);
    checkMemory(train.rows, test.rows, classCount, settings);

    torch::NoGradGuard noGrad;
    const auto started = std::chrono::steady_clock::now();
    const torch::Tensor x = tt::view(train);
    if (settings.kernel == KernelType::Rbf) {
        result.bandwidthFromMedian = !settings.bandwidth;
        result.bandwidth = settings.bandwidth ? *settings.bandwidth : medianDistance(x);
        if (!(result.bandwidth > 0.0)) {
            throw DataError(
                "kernel interpolation: the median distance between training images is 0 (mostly "
                "identical images); give a bandwidth");
        }
    }
    const KernelFunction kernel(settings.kernel, result.bandwidth);

    torch::Tensor gram = kernel(x, x);
    gram.diagonal().add_(settings.ridge);
    // Cholesky needs K + lambda I symmetric positive definite. The RBF matrix of distinct points
    // is in exact arithmetic, but in float64 it can lose that when points nearly coincide or the
    // bandwidth is large; the linear kernel's has rank at most d, so it is singular for n > d.
    auto [factor, info] = torch::linalg_cholesky_ex(gram);
    const std::int64_t failedPivot = info.item<std::int64_t>();
    if (failedPivot > 0) {
        const std::string ridge =
            settings.ridge > 0.0 ? "ridge " + std::to_string(settings.ridge) : "ridge 0";
        throw ConfigError("the " + std::to_string(result.n) + " x " + std::to_string(result.n) +
                          " " + kernelTypeKey(settings.kernel) +
                          " kernel matrix is numerically singular at " + ridge +
                          " (Cholesky failed at pivot " + std::to_string(failedPivot) +
                          "): add a ridge, e.g. --ridge 1e-6, or a larger one");
    }
    const torch::Tensor targets = tt::oneHot(labels, classCount);
    // Two triangular solves, L z = Y then L^T alpha = z, rather than cholesky_solve: that one
    // copies the factor first, a third n x n matrix.
    const torch::Tensor z = torch::linalg_solve_triangular(factor, targets, /*upper=*/false);
    const torch::Tensor alpha =
        torch::linalg_solve_triangular(factor.transpose(0, 1), z, /*upper=*/true);
    factor = torch::Tensor();

    // Predictions on the training points with K itself (the ridge taken out again).
    const torch::Tensor trainOutputs = gram.matmul(alpha).sub_(alpha * settings.ridge);
    gram = torch::Tensor();
    result.trainAcc = tt::accuracy(trainOutputs, tt::labelTensor(labels));
    result.maxResidual = (trainOutputs - targets).abs().max().item<double>();
    result.rkhsNorm = std::sqrt(std::max(0.0, (alpha * trainOutputs).sum().item<double>()));

    if (test.rows > 0) {
        const torch::Tensor testX = tt::view(test);
        std::vector<torch::Tensor> blocks;
        for (std::int64_t start = 0; start < test.rows; start += kBlockRows) {
            const std::int64_t length = std::min(kBlockRows, test.rows - start);
            blocks.push_back(kernel(testX.slice(0, start, start + length), x).matmul(alpha));
        }
        result.testAcc = tt::accuracy(torch::cat(blocks), tt::labelTensor(testLabels));
    } else {
        result.testAcc = std::nan("");
    }
    result.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace shatter
