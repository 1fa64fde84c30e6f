#include "theory/theory_runner.h"

#include "shatter_error.h"
#include "theory/expressivity_construction.h"
#include "theory/kernel_interpolation.h"
#include "theory/memory_budget.h"
#include "theory/theory_record.h"
#include "theory/theory_run_writer.h"
#include "train/compute_device.h"
#include "train/run_preparation.h"

namespace shatter {

namespace {

// Runs `compute` with the folder created; on an error records it as a failed run and rethrows.
template <typename Compute>
auto computeInFolder(const std::string& directory, const std::string& kind, Compute compute) {
    try {
        return compute();
    } catch (const std::exception& error) {
        TheoryRunWriter::fail(directory, kind, error.what());
        throw;
    }
}

// The constructions run on the CPU in float64: the config's thread count (0: one per core) for
// both LibTorch's pool and the BLAS/LAPACK one that does the matrix work.
std::string useCpu(const RunConfig& config) {
    return ComputeDevice::choose("cpu", config.threads, ThreadSplit::BothPools)
        .description;
}

}  // namespace

TheoryData TheoryRunner::prepare(const RunConfig& config) {
    return prepare(config, RunPreparation::loadDataset(config));
}

TheoryData TheoryRunner::prepare(const RunConfig& config, const Dataset& dataset) {
    TheoryData prepared;
    prepared.datasetName = dataset.name;
    prepared.data = RunPreparation::prepare(config, dataset);
    prepared.train = FeatureMatrix::fromImages(prepared.data.train);
    prepared.test = FeatureMatrix::fromImages(prepared.data.test);
    return prepared;
}

namespace {

ExpressivityConstruction::Settings expressivitySettings(const RunConfig& config, std::optional<std::int64_t> maxMemoryBytes) {
    ExpressivityConstruction::Settings settings;
    settings.seed = config.seed;
    settings.maxMemoryBytes = maxMemoryBytes;
    return settings;
}

void requireExpressivityMemory(const TheoryData& data, std::optional<std::int64_t> maxMemoryBytes) {
    const std::int64_t n = data.train.rows;
    MemoryBudget::require(
        ExpressivityConstruction::bytesNeeded(n, data.test.rows, data.train.cols, data.classCount()),
        MemoryBudget::limitBytes(maxMemoryBytes),
        "the expressivity construction for " + std::to_string(n) + " training images");
}

}  // namespace

ExpressivityRun TheoryRunner::runExpressivity(const RunConfig& config, const TheoryData& data,
                                              std::optional<std::int64_t> maxMemoryBytes,
                                              const std::string& outRoot) {
    requireExpressivityMemory(data, maxMemoryBytes);
    TheoryRecord method;
    method.kind = TheoryRecord::kExpressivity;
    const std::int64_t weights = data.train.cols + data.train.rows + data.classCount() * data.train.rows;
    ExpressivityRun run;
    run.directory = TheoryRunWriter::create(outRoot, config, data, method, weights, useCpu(config));
    const ExpressivityConstruction::Settings settings = expressivitySettings(config, maxMemoryBytes);
    run.result = computeInFolder(run.directory, method.kind, [&] {
        return ExpressivityConstruction::fit(data.train, data.data.train.labels, data.test,
                                             data.data.test.labels, data.classCount(), settings);
    });
    TheoryRunWriter::finish(run.directory, TheoryRecord::from(run.result), weights);
    return run;
}

ExpressivityRun TheoryRunner::redrawExpressivity(const RunConfig& config, const TheoryData& data,
                                                 std::optional<std::int64_t> maxMemoryBytes,
                                                 const std::string& storedDirectory) {
    requireExpressivityMemory(data, maxMemoryBytes);
    ExpressivityRun run;
    run.directory = storedDirectory;
    run.result = ExpressivityConstruction::fit(data.train, data.data.train.labels, data.test, data.data.test.labels,
                                               data.classCount(), expressivitySettings(config, maxMemoryBytes));
    return run;
}

KernelRun TheoryRunner::runKernel(const RunConfig& config, const TheoryData& data,
                                  const KernelSettings& settings, const std::string& outRoot) {
    KernelInterpolation::checkMemory(data.train.rows, data.test.rows, data.classCount(), settings);
    TheoryRecord method;
    method.kind = TheoryRecord::kKernel;
    method.kernel = kernelTypeKey(settings.kernel);
    method.bandwidth = settings.bandwidth.value_or(NAN);
    method.bandwidthFromMedian = settings.kernel == KernelType::Rbf && !settings.bandwidth;
    method.ridge = settings.ridge;
    // The model's parameters: one coefficient per training point and class.
    const std::int64_t coefficients = data.train.rows * data.classCount();
    KernelRun run;
    run.directory =
        TheoryRunWriter::create(outRoot, config, data, method, coefficients, useCpu(config));
    run.result = computeInFolder(run.directory, method.kind, [&] {
        return KernelInterpolation::fit(data.train, data.data.train.labels, data.test,
                                        data.data.test.labels, data.classCount(), settings);
    });
    TheoryRunWriter::finish(run.directory, TheoryRecord::from(run.result), coefficients);
    return run;
}

}  // namespace shatter
