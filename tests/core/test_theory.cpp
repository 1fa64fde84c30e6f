// The theory constructions (docs/PAPER.md §6 and §7): the 2n+d ReLU network fits any labels on
// distinct points and refuses duplicates; kernel interpolation agrees with a direct solve,
// interpolates as the ridge goes to 0, and refuses sizes that do not fit; both leave run folders
// the run store and the run library load.
#include <torch/torch.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>
#include <filesystem>

#include "run/run_library.h"
#include "run/run_reader.h"
#include "shatter_error.h"
#include "support/fixtures.h"
#include "theory/expressivity_construction.h"
#include "theory/kernel_interpolation.h"
#include "theory/theory_record.h"
#include "theory/theory_runner.h"
#include "util/seeded_random.h"

using namespace shatter;
namespace fs = std::filesystem;

namespace {

FeatureMatrix gaussianPoints(std::int64_t rows, std::int64_t cols, std::uint64_t seed) {
    SeededRandom random(seed);
    FeatureMatrix points;
    points.rows = rows;
    points.cols = cols;
    points.values.resize(static_cast<std::size_t>(rows * cols));
    for (double& value : points.values) value = random.normal();
    return points;
}

std::vector<int> randomLabels(std::int64_t count, int classes, std::uint64_t seed) {
    SeededRandom random(seed);
    std::vector<int> labels;
    for (std::int64_t i = 0; i < count; ++i)
        labels.push_back(static_cast<int>(random.below(classes)));
    return labels;
}

torch::Tensor asTensor(const FeatureMatrix& m) {
    return torch::tensor(m.values, torch::kFloat64).view({m.rows, m.cols});
}

// What KernelInterpolation must compute, written out with a general solver instead of Cholesky.
struct DirectSolve {
    double norm = 0.0;
    double residual = 0.0;
    double trainAcc = 0.0;
    double testAcc = 0.0;
};

DirectSolve directSolve(const FeatureMatrix& train, const std::vector<int>& labels,
                        const FeatureMatrix& test, const std::vector<int>& testLabels, int classes,
                        KernelType type, double sigma, double ridge) {
    const torch::Tensor x = asTensor(train);
    const torch::Tensor t = asTensor(test);
    auto kernel = [&](const torch::Tensor& a, const torch::Tensor& b) {
        if (type == KernelType::Linear) return a.matmul(b.t());
        return (-torch::cdist(a, b).square() / (2.0 * sigma * sigma)).exp();
    };
    const torch::Tensor gram = kernel(x, x);
    const torch::Tensor y =
        torch::one_hot(torch::tensor(std::vector<std::int64_t>(labels.begin(), labels.end())),
                       classes)
            .to(torch::kFloat64);
    const torch::Tensor alpha =
        torch::linalg_solve(gram + ridge * torch::eye(train.rows, torch::kFloat64), y);
    const torch::Tensor fitted = gram.matmul(alpha);
    const torch::Tensor trainTruth =
        torch::tensor(std::vector<std::int64_t>(labels.begin(), labels.end()));
    const torch::Tensor testTruth =
        torch::tensor(std::vector<std::int64_t>(testLabels.begin(), testLabels.end()));
    DirectSolve solve;
    solve.norm = std::sqrt((alpha * fitted).sum().item<double>());
    solve.residual = (fitted - y).abs().max().item<double>();
    solve.trainAcc = fitted.argmax(1).eq(trainTruth).to(torch::kFloat64).mean().item<double>();
    solve.testAcc = kernel(t, x)
                        .matmul(alpha)
                        .argmax(1)
                        .eq(testTruth)
                        .to(torch::kFloat64)
                        .mean()
                        .item<double>();
    return solve;
}

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList& arguments) {
    QProcess process;
    process.start(qEnvironmentVariable("SHATTER_CLI"), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

RunConfig syntheticConfig(CorruptionMode mode) {
    RunConfig config;
    config.corruption = mode;
    config.level = 1.0;
    config.seed = 5;
    return config;
}

}  // namespace

class TestTheory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constructionFitsRandomLabelsOnRandomPoints() {
        const std::int64_t n = 400;
        const std::int64_t d = 30;
        const int k = 10;
        const FeatureMatrix train = gaussianPoints(n, d, 1);
        const std::vector<int> labels = randomLabels(n, k, 2);
        const FeatureMatrix test = gaussianPoints(100, d, 3);
        const std::vector<int> testLabels = randomLabels(100, k, 4);
        const ExpressivityResult r =
            ExpressivityConstruction::fit(train, labels, test, testLabels, k, {});

        QCOMPARE(r.trainAcc, 1.0);
        QVERIFY(r.maxResidual < 1e-6);
        QCOMPARE(r.weightsPerOutput, 2 * n + d);
        QCOMPARE(r.totalWeights, d + n + k * n);
        QVERIFY(r.testAcc >= 0.0 && r.testAcc <= 1.0);
        QCOMPARE(static_cast<std::int64_t>(r.projections.size()), n);
        QCOMPARE(static_cast<std::int64_t>(r.testProjections.size()), std::int64_t{100});
        double smallest = std::numeric_limits<double>::infinity();
        for (std::int64_t i = 0; i < n; ++i) {
            const auto at = static_cast<std::size_t>(i);
            // b_1 < x_1 < b_2 < x_2 < ... : the biases interleave the sorted projections.
            QVERIFY(r.biases[at] < r.projections[at]);
            if (i > 0) {
                QVERIFY(r.projections[at - 1] < r.biases[at]);
                smallest = std::min(smallest, r.projections[at] - r.projections[at - 1]);
            }
            QCOMPARE(r.labels[at], labels[static_cast<std::size_t>(r.trainIndex[at])]);
            // The drawn function passes through the one-hot targets.
            for (int c = 0; c < k; ++c) {
                const double target = c == r.labels[at] ? 1.0 : 0.0;
                QVERIFY(std::abs(r.valueAt(r.projections[at], c) - target) < 1e-6);
                QVERIFY(std::abs(r.valuesAtPoints[static_cast<std::size_t>(c)][at] - target) <
                        1e-6);
            }
        }
        QCOMPARE(r.minGap, smallest);
    }

    void constructionFitsRandomLabelsOnFashionMnist() {
        RunConfig config;
        config.dataset = "fashion-mnist";
        config.trainSize = 200;
        config.testSize = 500;
        config.corruption = CorruptionMode::Labels;
        config.level = 1.0;
        const TheoryData data = TheoryRunner::prepare(config);
        QCOMPARE(data.train.rows, std::int64_t{200});
        QCOMPARE(data.train.cols, std::int64_t{784});
        const ExpressivityResult r =
            ExpressivityConstruction::fit(data.train, data.data.train.labels, data.test,
                                          data.data.test.labels, data.classCount(), {});
        QCOMPARE(r.trainAcc, 1.0);
        QCOMPARE(r.weightsPerOutput, std::int64_t{2 * 200 + 784});
        QVERIFY2(r.testAcc < 0.3, "random labels carry no information about the test set");
    }

    void duplicateInputsAreRefused() {
        FeatureMatrix train = gaussianPoints(50, 8, 7);
        std::copy(train.row(3), train.row(3) + train.cols, train.values.begin() + 41 * train.cols);
        const std::vector<int> labels = randomLabels(50, 3, 8);
        try {
            ExpressivityConstruction::fit(train, labels, FeatureMatrix{}, {}, 3, {});
            QFAIL("duplicate inputs were accepted");
        } catch (const DataError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("training images 3 and 41 are identical"), error.what());
            QVERIFY2(message.contains("distinct"), error.what());
        }
    }

    void kernelSolveMatchesDirectSolve() {
        const FeatureMatrix train = gaussianPoints(80, 6, 11);
        const std::vector<int> labels = randomLabels(80, 4, 12);
        const FeatureMatrix test = gaussianPoints(40, 6, 13);
        const std::vector<int> testLabels = randomLabels(40, 4, 14);
        struct Case {
            KernelType type;
            double sigma;
            double ridge;
        };
        // The linear kernel's matrix has rank 6 < 80: only a ridge makes it solvable.
        for (const Case& c : {Case{KernelType::Rbf, 2.5, 0.0}, Case{KernelType::Rbf, 1.0, 0.01},
                              Case{KernelType::Linear, 0.0, 0.5}}) {
            KernelSettings settings;
            settings.kernel = c.type;
            if (c.type == KernelType::Rbf) settings.bandwidth = c.sigma;
            settings.ridge = c.ridge;
            const KernelResult r =
                KernelInterpolation::fit(train, labels, test, testLabels, 4, settings);
            const DirectSolve expected =
                directSolve(train, labels, test, testLabels, 4, c.type, c.sigma, c.ridge);
            QVERIFY2(std::abs(r.rkhsNorm - expected.norm) <= 1e-7 * expected.norm,
                     qPrintable(QString::number(r.rkhsNorm)));
            QVERIFY(std::abs(r.maxResidual - expected.residual) <=
                    1e-7 * std::max(1.0, expected.residual));
            QCOMPARE(r.trainAcc, expected.trainAcc);
            QCOMPARE(r.testAcc, expected.testAcc);
            QCOMPARE(r.ridge, c.ridge);
        }
    }

    void medianHeuristicPicksTheMedianDistance() {
        // Three points on a line at 0, 3 and 10: distances 3, 7, 10, median 7.
        FeatureMatrix train;
        train.rows = 3;
        train.cols = 1;
        train.values = {0.0, 3.0, 10.0};
        const KernelResult r =
            KernelInterpolation::fit(train, {0, 1, 0}, FeatureMatrix{}, {}, 2, {});
        QVERIFY(r.bandwidthFromMedian);
        QCOMPARE(r.bandwidth, 7.0);
        QCOMPARE(r.trainAcc, 1.0);
    }

    void ridgeToZeroApproachesInterpolation() {
        const FeatureMatrix train = gaussianPoints(120, 10, 21);
        const std::vector<int> labels = randomLabels(120, 10, 22);
        double previous = std::numeric_limits<double>::infinity();
        for (double ridge : {1.0, 1e-2, 1e-4, 1e-6, 0.0}) {
            KernelSettings settings;
            settings.ridge = ridge;
            const KernelResult r =
                KernelInterpolation::fit(train, labels, FeatureMatrix{}, {}, 10, settings);
            QVERIFY2(r.maxResidual < previous,
                     qPrintable(QString("ridge %1: residual %2").arg(ridge).arg(r.maxResidual)));
            previous = r.maxResidual;
            if (ridge <= 1e-4) QCOMPARE(r.trainAcc, 1.0);
        }
        QVERIFY(previous < 1e-8);
    }

    void singularKernelMatrixAsksForARidge() {
        const FeatureMatrix train = gaussianPoints(60, 5, 31);
        KernelSettings settings;
        settings.kernel = KernelType::Linear;
        try {
            KernelInterpolation::fit(train, randomLabels(60, 2, 32), FeatureMatrix{}, {}, 2,
                                     settings);
            QFAIL("a rank-5 kernel matrix was factored");
        } catch (const ConfigError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("numerically singular") && message.contains("--ridge"),
                     error.what());
        }
    }

    void sizesOverTheMemoryLimitAreRefusedBeforeAllocating() {
        // 200,000 points: the kernel matrix and its factor would take 640 GB. Refused before any
        // n x n allocation (which would end this process).
        FeatureMatrix train;
        train.rows = 200000;
        train.cols = 1;
        train.values.assign(200000, 0.0);
        for (std::size_t i = 0; i < train.values.size(); ++i)
            train.values[i] = static_cast<double>(i);
        const std::vector<int> labels(200000, 0);
        try {
            KernelInterpolation::fit(train, labels, FeatureMatrix{}, {}, 1, {});
            QFAIL("a 640 GB problem was started");
        } catch (const ConfigError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains("needs 640.") && message.contains("limit"), error.what());
        }
        KernelSettings small;
        small.maxMemoryBytes = 1000;
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, KernelInterpolation::fit(gaussianPoints(20, 2, 1), randomLabels(20, 2, 1),
                                                  FeatureMatrix{}, {}, 2, small));
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, ExpressivityConstruction::fit(train, labels, FeatureMatrix{}, {}, 1, {}));

        // The runner refuses before creating a run folder.
        QTemporaryDir root;
        const Dataset dataset = test::makeSyntheticDataset(20, 5, 3, 1, 12);
        const RunConfig config = syntheticConfig(CorruptionMode::None);
        const TheoryData data = TheoryRunner::prepare(config, dataset);
        QVERIFY_THROWS_EXCEPTION(
            ConfigError, TheoryRunner::runKernel(config, data, small, root.path().toStdString()));
        QVERIFY(fs::is_empty(root.path().toStdString()));
    }

    void theoryRunFoldersLoadLikeTrainingRuns() {
        QTemporaryDir root;
        const std::string r = root.path().toStdString();
        const Dataset dataset = test::makeSyntheticDataset(30, 10, 3, 1, 12);
        const RunConfig config = syntheticConfig(CorruptionMode::Labels);
        const TheoryData data = TheoryRunner::prepare(config, dataset);
        const KernelRun kernel = TheoryRunner::runKernel(config, data, {}, r);
        const ExpressivityRun expressivity =
            TheoryRunner::runExpressivity(config, data, std::nullopt, r);
        QCOMPARE(kernel.result.trainAcc, 1.0);
        QCOMPARE(expressivity.result.trainAcc, 1.0);

        const RunRecord record = RunReader::load(kernel.directory);
        QCOMPARE(record.info.kind, std::string("kernel"));
        QVERIFY(record.summary.status == RunStatus::Finished);
        QVERIFY(record.hasSummary);
        QVERIFY(record.epochs.empty());
        QCOMPARE(record.summary.trainAcc, 1.0);
        QCOMPARE(record.summary.parameters, std::int64_t{90 * 3});
        QCOMPARE(record.info.corruptedExamples, static_cast<int>(data.data.corruptedCount()));
        QCOMPARE(RunReader::load(expressivity.directory).info.kind, std::string("expressivity"));

        const std::optional<TheoryRecord> kernelRecord = TheoryRecord::load(kernel.directory);
        QVERIFY(kernelRecord.has_value());
        QCOMPARE(kernelRecord->kind, std::string("kernel"));
        QCOMPARE(kernelRecord->kernel, std::string("rbf"));
        QVERIFY(kernelRecord->bandwidthFromMedian);
        QCOMPARE(kernelRecord->bandwidth, kernel.result.bandwidth);
        QCOMPARE(kernelRecord->rkhsNorm, kernel.result.rkhsNorm);
        const std::optional<TheoryRecord> networkRecord =
            TheoryRecord::load(expressivity.directory);
        QVERIFY(networkRecord.has_value());
        QCOMPARE(networkRecord->weightsPerOutput, std::int64_t{2 * 90 + 144});
        QCOMPARE(networkRecord->minGap, expressivity.result.minGap);

        const std::vector<RunEntry> entries = RunLibrary::scan({r});
        QCOMPARE(entries.size(), std::size_t{2});
        for (const RunEntry& entry : entries) {
            QVERIFY2(entry.readable, entry.error.c_str());
            QVERIFY(entry.status() == RunStatus::Finished);
            QCOMPARE(entry.summary().trainAcc, 1.0);
            QCOMPARE(entry.epochCount(), 0);
        }
    }

    void failedTheoryRunKeepsItsMessage() {
        QTemporaryDir root;
        Dataset dataset = test::makeSyntheticDataset(10, 5, 2, 1, 12);
        std::copy(dataset.train.image(0), dataset.train.image(0) + dataset.train.imageBytes(),
                  dataset.train.image(4));
        const RunConfig config = syntheticConfig(CorruptionMode::None);
        const TheoryData data = TheoryRunner::prepare(config, dataset);
        QVERIFY_THROWS_EXCEPTION(
            DataError,
            TheoryRunner::runExpressivity(config, data, std::nullopt, root.path().toStdString()));
        const std::vector<RunEntry> entries = RunLibrary::scan({root.path().toStdString()});
        QCOMPARE(entries.size(), std::size_t{1});
        QVERIFY(entries.front().readable);
        QVERIFY(entries.front().status() == RunStatus::Failed);
        const RunRecord record = RunReader::load(entries.front().directory);
        QVERIFY2(QString::fromStdString(record.summary.message).contains("identical"),
                 record.summary.message.c_str());
        QVERIFY(!TheoryRecord::load(entries.front().directory).has_value());
    }

    void cliWritesTheoryRunsAndRefusesBadInput() {
        if (qEnvironmentVariableIsEmpty("SHATTER_CLI"))
            QSKIP("SHATTER_CLI is not set (run through ctest)");
        QTemporaryDir root;
        const QStringList data = {"--dataset",   "fashion-mnist", "--train-size", "100",
                                  "--test-size", "100",           "--out",        root.path()};
        const CliResult network =
            runCli(QStringList{"expressivity", "--corruption", "labels"} + data);
        QVERIFY2(network.exitCode == 0, qPrintable(network.err));
        QVERIFY2(network.out.contains("train acc  1.0000"), qPrintable(network.out));
        QVERIFY2(network.out.contains("2n+d = 984 per output"), qPrintable(network.out));
        const QString folder = network.out.trimmed().split('\n').last();
        const CliResult show = runCli({"show", folder});
        QVERIFY2(show.exitCode == 0 && show.out.contains("2n+d ReLU network"),
                 qPrintable(show.out + show.err));

        const CliResult kernel =
            runCli(QStringList{"kernel", "--kernel", "rbf", "--ridge", "0.001"} + data);
        QVERIFY2(kernel.exitCode == 0 && kernel.out.contains("norm"),
                 qPrintable(kernel.out + kernel.err));

        // 100 points in 784 dimensions: the linear kernel is fine; 1,000 are not, without a ridge.
        const CliResult singular = runCli({"kernel", "--kernel", "linear", "--train-size", "1000",
                                           "--test-size", "10", "--out", root.path()});
        QCOMPARE(singular.exitCode, 2);
        QVERIFY2(singular.err.contains("numerically singular"), qPrintable(singular.err));
        const CliResult tooBig = runCli(QStringList{"kernel", "--max-memory-gb", "0.0001"} + data);
        QCOMPARE(tooBig.exitCode, 2);
        QVERIFY2(tooBig.err.contains("needs") && tooBig.err.contains("limit"),
                 qPrintable(tooBig.err));
        const CliResult badKernel = runCli(QStringList{"kernel", "--kernel", "polynomial"} + data);
        QCOMPARE(badKernel.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestTheory)
#include "test_theory.moc"
