#include "train/trainer.h"

#include <torch/nn/functional/loss.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <optional>
#include <thread>

#include "model/model_catalog.h"
#include "model/model_factory.h"
#include "shatter_error.h"
#include "train/compute_device.h"
#include "train/cuda_graph_step.h"
#include "train/epoch_pacer.h"
#include "train/fused_sgd.h"
#include "train/preprocessor.h"
#include "train/training_step.h"
#include "util/seeded_random.h"

namespace shatter {

namespace {

using Clock = std::chrono::steady_clock;

enum Purpose : std::uint64_t { kModelInit = 101, kBatchOrder, kCrops };

constexpr std::int64_t kEvalBatch = 1000;
// A finite loss this many times the loss before the first step, for this many epochs in a row,
// is an exploding run: it ends as diverged (accuracy is at chance by then).
constexpr double kExplodingLossFactor = 1000.0;
constexpr int kExplodingEpochsInARow = 2;
constexpr double kProgressIntervalSeconds = 0.25;

double seconds(Clock::duration d) { return std::chrono::duration<double>(d).count(); }

// Why a run diverged, in one sentence: which loss, when, at which learning rate, what to try.
std::string divergenceMessage(const char* loss, const char* when, int epoch, double learningRate) {
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", learningRate);
    return std::string(loss) + " became infinite or NaN " + when + " epoch " +
           std::to_string(epoch) + " at learning rate " + rate + "; try a smaller learning rate";
}

struct Evaluation {
    double loss = 0.0;
    std::vector<int> predictions;
};

// Accuracy of predictions against labels over the examples where include(i) holds; NaN if none.
template <typename Include>
double accuracy(const std::vector<int>& predictions, const std::vector<int>& labels, Include include) {
    std::size_t total = 0, correct = 0;
    for (std::size_t i = 0; i < predictions.size(); ++i) {
        if (!include(i)) continue;
        ++total;
        correct += predictions[i] == labels[i];
    }
    return total == 0 ? NAN : static_cast<double>(correct) / static_cast<double>(total);
}

}  // namespace

// What one epoch's training pass ended with.
struct EpochPass {
    bool stopped = false;
    bool diverged = false;
    double learningRateUsed = 0.0;
    double seconds = 0.0;  // without the time spent paused
    Clock::duration pausedFor{};
};

struct Trainer::Impl {
    RunConfig config;
    const CorruptedDataset& data;
    std::atomic<bool> stopRequested{false};
    std::atomic<bool> paused{false};
    std::atomic<double> requestedLearningRate{NAN};
    std::mutex stepMutex;  // makes a step's end and setPaused() from another thread exclusive
    bool pauseAfterEpoch = false;  // a step is in progress (guarded by stepMutex)
    EpochPacer pacer;

    // Set up by prepare() for one run.
    Clock::time_point runStart;
    torch::Device device{torch::kCPU};
    std::int64_t trainCount = 0;
    torch::Tensor trainImages, testImages, trainLabels, testLabels;
    torch::Tensor cropSource;  // only with random crops
    std::shared_ptr<Classifier> model;
    std::unique_ptr<FusedSgd> optimizer;
    std::unique_ptr<TrainingStep> trainingStep;
    std::unique_ptr<CudaGraphStep> graphStep;  // full batches on a CUDA GPU, unless turned off
    double learningRate = 0.0;
    int batchesPerEpoch = 0;
    std::vector<int> fittedSince;  // per training example, see EpochReport
    double startingLoss = NAN;     // the first batch's loss, before any step
    int explodingEpochs = 0;       // epochs in a row whose loss exploded

    Impl(RunConfig c, const CorruptedDataset& d) : config(std::move(c)), data(d) {}

    RunSummary run(TrainingObserver& observer);
    // Chooses the device, moves the data there, builds the model and the optimizer.
    RunStart prepare();
    EpochPass trainOneEpoch(int epoch, SeededRandom& orderRandom, SeededRandom& cropRandom,
                            TrainingObserver& observer);
    void trainBatch(const torch::Tensor& inputs, const torch::Tensor& targets,
                    torch::Tensor& lossSum, std::int64_t count);
    // The metrics after an epoch; empty when the evaluation loss is not finite.
    std::optional<EpochReport> evaluateEpoch(int epoch, const EpochPass& pass);
    Evaluation evaluate(Classifier& model, const torch::Tensor& images, const torch::Tensor& labels);
    void updateFittedSince(const std::vector<int>& predictions, int epoch);
    // Why the run must end as diverged after this epoch; empty when it may go on.
    std::string explosionAfter(const EpochMetrics& m);
    bool weightsFinite() const;
    // The summary as it stands after a finished epoch.
    void summarizeEpoch(const EpochMetrics& m, RunSummary& summary,
                        double& samplesPerSecondSum) const;
    // Takes a learning rate set from another thread, then applies the current one.
    void applyLearningRate();
    torch::Tensor randomCropBatch(const torch::Tensor& source, const torch::Tensor& indices,
                                  SeededRandom& random);
    // Waits while paused; returns the time spent waiting.
    Clock::duration waitWhilePaused();
    // At the end of an epoch's training: pauses when a step ends here; true if so.
    bool endStep();
};

Trainer::Trainer(RunConfig config, const CorruptedDataset& data)
    : m_impl(std::make_unique<Impl>(std::move(config), data)) {}

Trainer::~Trainer() = default;

void Trainer::requestStop() { m_impl->stopRequested = true; }

void Trainer::setPaused(bool paused) {
    std::lock_guard lock(m_impl->stepMutex);
    m_impl->pauseAfterEpoch = false;
    m_impl->paused = paused;
}

void Trainer::step() {
    std::lock_guard lock(m_impl->stepMutex);
    m_impl->pauseAfterEpoch = true;
    m_impl->paused = false;
}

void Trainer::setEpochInterval(double seconds) { m_impl->pacer.setInterval(seconds); }

void Trainer::setLearningRate(double learningRate) { m_impl->requestedLearningRate = learningRate; }

RunSummary Trainer::run(TrainingObserver& observer) {
    try {
        return m_impl->run(observer);
    } catch (const c10::Error& error) {
        // LibTorch appends a stack trace of some 25 frames: the user sees the first line of the
        // message, the run folder's error.log keeps everything.
        std::string message = error.what_without_backtrace();
        if (const std::size_t end = message.find('\n'); end != std::string::npos) message.resize(end);
        return fail("LibTorch: " + message, error.what(), observer);
    } catch (const std::exception& error) {
        return fail(error.what(), error.what(), observer);
    }
}

RunSummary Trainer::fail(const std::string& message, const std::string& diagnostic,
                         TrainingObserver& observer) {
    RunSummary summary;
    summary.status = RunStatus::Failed;
    summary.message = message;
    summary.diagnostic = diagnostic;
    observer.onFinished(summary);
    return summary;
}

Clock::duration Trainer::Impl::waitWhilePaused() {
    const Clock::time_point start = Clock::now();
    while (paused && !stopRequested) std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return Clock::now() - start;
}

bool Trainer::Impl::endStep() {
    std::lock_guard lock(stepMutex);
    if (!pauseAfterEpoch) return false;
    pauseAfterEpoch = false;
    paused = true;
    return true;
}

Evaluation Trainer::Impl::evaluate(Classifier& model, const torch::Tensor& images,
                                   const torch::Tensor& labels) {
    torch::NoGradGuard noGrad;
    model.eval();
    const std::int64_t n = images.size(0);
    torch::Tensor lossSum = torch::zeros({}, images.options());
    std::vector<torch::Tensor> predicted;
    for (std::int64_t start = 0; start < n; start += kEvalBatch) {
        const std::int64_t count = std::min(kEvalBatch, n - start);
        const torch::Tensor logits = model.forward(images.narrow(0, start, count));
        lossSum += torch::nn::functional::cross_entropy(
            logits, labels.narrow(0, start, count),
            torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        predicted.push_back(logits.argmax(1));
    }
    Evaluation result;
    result.loss = lossSum.item<double>() / static_cast<double>(n);
    const torch::Tensor all = torch::cat(predicted).to(torch::kCPU, torch::kInt32).contiguous();
    result.predictions.assign(all.data_ptr<int>(), all.data_ptr<int>() + n);
    return result;
}

torch::Tensor Trainer::Impl::randomCropBatch(const torch::Tensor& source, const torch::Tensor& indices,
                                             SeededRandom& random) {
    const std::int64_t side = Preprocessor::kSide;
    const std::int64_t slack = source.size(2) - side;
    const torch::Tensor images = source.index_select(0, indices);
    std::vector<torch::Tensor> crops;
    crops.reserve(static_cast<std::size_t>(images.size(0)));
    for (std::int64_t i = 0; i < images.size(0); ++i) {
        const auto top = static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(slack + 1)));
        const auto left = static_cast<std::int64_t>(random.below(static_cast<std::uint64_t>(slack + 1)));
        crops.push_back(images[i].narrow(1, top, side).narrow(2, left, side));
    }
    return Preprocessor::whiten(torch::stack(crops));
}

RunStart Trainer::Impl::prepare() {
    runStart = Clock::now();
    const ComputeDevice computeDevice =
        ComputeDevice::choose(config.device, config.threads, modelInfo(config.model).threadSplit,
                              config.model, data.train.channels);
    device = computeDevice.cuda ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);

    trainCount = static_cast<std::int64_t>(data.train.size());
    const auto testCount = static_cast<std::int64_t>(data.test.size());
    if (trainCount == 0) throw DataError("the training set is empty");
    if (testCount == 0) throw DataError("the test set is empty");

    // Inputs, prepared once per run on the device.
    trainImages = Preprocessor::prepareTraining(data, device);
    testImages = Preprocessor::prepare(data.test, device);
    if (config.randomCrop) {
        // Random 28x28 crops from the 32x32 image (CIFAR-10), or from the 28x28 image padded by 2.
        cropSource = Preprocessor::trainingToUnitRange(data, device);
        if (cropSource.size(2) <= Preprocessor::kSide) {
            cropSource = torch::constant_pad_nd(cropSource, {2, 2, 2, 2}, 0.0);
        }
    }
    auto labelTensor = [&](const std::vector<int>& labels) {
        return torch::tensor(std::vector<std::int64_t>(labels.begin(), labels.end()), torch::kInt64).to(device);
    };
    trainLabels = labelTensor(data.train.labels);
    testLabels = labelTensor(data.test.labels);

    torch::manual_seed(SeededRandom::deriveSeed(config.seed, kModelInit));
    model = ModelFactory::create(config.model, data.train.channels,
                                 static_cast<std::int64_t>(data.classNames.size()), config.dropout);
    ModelFactory::place(*model, config.model, device);

    learningRate = config.effectiveLearningRate();
    optimizer = std::make_unique<FusedSgd>(model->parameters(), learningRate, config.momentum,
                                           config.weightDecay);
    batchesPerEpoch = static_cast<int>((trainCount + config.batchSize - 1) / config.batchSize);
    trainingStep = std::make_unique<TrainingStep>(*model, *optimizer);
    const bool useGraph = device.is_cuda() && config.cudaGraphs && CudaGraphStep::available();
    if (useGraph) {
        graphStep = std::make_unique<CudaGraphStep>(
            [this](const torch::Tensor& inputs, const torch::Tensor& targets) {
                return trainingStep->runKeepingGradients(inputs, targets);
            },
            [this]() { optimizer->clearGradients(); });
    }
    fittedSince.assign(static_cast<std::size_t>(trainCount), 0);

    RunStart start;
    start.device = computeDevice.description + (useGraph ? ", training steps in a CUDA graph" : "");
    start.libtorchVersion = TORCH_VERSION;
    start.parameters = model->paperParameterCount();
    start.trainableParameters = model->trainableParameterCount();
    start.trainExamples = static_cast<int>(trainCount);
    start.testExamples = static_cast<int>(testCount);
    start.corruptedExamples = static_cast<int>(data.corruptedCount());
    start.epochs = config.epochs;
    start.batchesPerEpoch = batchesPerEpoch;
    return start;
}

void Trainer::Impl::applyLearningRate() {
    const double requested = requestedLearningRate.exchange(NAN);
    if (!std::isnan(requested)) learningRate = requested;
    optimizer->setLearningRate(learningRate);
}

void Trainer::Impl::trainBatch(const torch::Tensor& inputs, const torch::Tensor& targets,
                               torch::Tensor& lossSum, std::int64_t count) {
    torch::Tensor loss;
    if (graphStep && count == config.batchSize) {
        loss = graphStep->run(inputs, targets);
    } else {
        loss = trainingStep->run(inputs, targets);
    }
    // The loss before the first update (the step computes it before updating).
    if (std::isnan(startingLoss)) startingLoss = loss.item<double>();
    lossSum += loss * static_cast<double>(count);
}

EpochPass Trainer::Impl::trainOneEpoch(int epoch, SeededRandom& orderRandom,
                                       SeededRandom& cropRandom, TrainingObserver& observer) {
    model->train();
    const Clock::time_point epochStart = Clock::now();
    Clock::duration pausedFor{};
    Clock::time_point lastProgress = epochStart;
    const std::vector<int> order = orderRandom.permutation(static_cast<int>(trainCount));
    const torch::Tensor orderTensor =
        torch::tensor(std::vector<std::int64_t>(order.begin(), order.end()), torch::kInt64)
            .to(device);
    torch::Tensor lossSum = torch::zeros({}, trainImages.options());
    EpochPass pass;
    pass.learningRateUsed = learningRate;

    for (int batch = 0; batch < batchesPerEpoch; ++batch) {
        if (paused) pausedFor += waitWhilePaused();
        if (stopRequested) break;
        applyLearningRate();
        pass.learningRateUsed = learningRate;

        const std::int64_t first = static_cast<std::int64_t>(batch) * config.batchSize;
        const std::int64_t count = std::min<std::int64_t>(config.batchSize, trainCount - first);
        const torch::Tensor indices = orderTensor.narrow(0, first, count);
        const torch::Tensor inputs = config.randomCrop
                                         ? randomCropBatch(cropSource, indices, cropRandom)
                                         : trainImages.index_select(0, indices);
        trainBatch(inputs, trainLabels.index_select(0, indices), lossSum, count);

        const Clock::time_point now = Clock::now();
        if (seconds(now - lastProgress) >= kProgressIntervalSeconds ||
            batch + 1 == batchesPerEpoch) {
            lastProgress = now;
            const double meanLoss = lossSum.item<double>() / static_cast<double>(first + count);
            if (!std::isfinite(meanLoss)) {
                pass.diverged = true;
                break;
            }
            observer.onProgress(
                {epoch, batch + 1, batchesPerEpoch, meanLoss, seconds(now - runStart)});
        }
    }
    if (stopRequested) {
        pass.stopped = true;
        return pass;
    }
    pass.seconds = seconds(Clock::now() - epochStart - pausedFor);
    pass.pausedFor = pausedFor;
    if (!pass.diverged && !std::isfinite(lossSum.item<double>())) pass.diverged = true;
    return pass;
}

void Trainer::Impl::updateFittedSince(const std::vector<int>& predictions, int epoch) {
    const std::vector<int>& assigned = data.train.labels;
    for (std::size_t i = 0; i < fittedSince.size(); ++i) {
        const bool fitted = predictions[i] == assigned[i];
        fittedSince[i] = fitted ? (fittedSince[i] != 0 ? fittedSince[i] : epoch) : 0;
    }
}

std::optional<EpochReport> Trainer::Impl::evaluateEpoch(int epoch, const EpochPass& pass) {
    const Evaluation onTrain = evaluate(*model, trainImages, trainLabels);
    const Evaluation onTest = evaluate(*model, testImages, testLabels);
    if (!std::isfinite(onTrain.loss) || !std::isfinite(onTest.loss)) return std::nullopt;

    EpochReport report;
    EpochMetrics& m = report.metrics;
    m.epoch = epoch;
    m.trainLoss = onTrain.loss;
    const std::vector<int>& assigned = data.train.labels;
    const std::vector<std::uint8_t>& corrupted = data.corrupted;
    m.trainAcc = accuracy(onTrain.predictions, assigned, [](std::size_t) { return true; });
    m.trainAccClean =
        accuracy(onTrain.predictions, assigned, [&](std::size_t i) { return !corrupted[i]; });
    m.trainAccCorrupted =
        accuracy(onTrain.predictions, assigned, [&](std::size_t i) { return corrupted[i] != 0; });
    m.corruptedPredictedTrue = accuracy(onTrain.predictions, data.trueLabels,
                                        [&](std::size_t i) { return corrupted[i] != 0; });
    m.testLoss = onTest.loss;
    m.testAcc = accuracy(onTest.predictions, data.test.labels, [](std::size_t) { return true; });
    m.gap = m.trainAcc - m.testAcc;
    m.lr = pass.learningRateUsed;
    m.epochSeconds = pass.seconds;
    m.samplesPerSecond = static_cast<double>(trainCount) / std::max(pass.seconds, 1e-9);
    updateFittedSince(onTrain.predictions, epoch);
    report.predictions = onTrain.predictions;
    report.fittedSince = fittedSince;
    report.elapsedSeconds = seconds(Clock::now() - runStart);
    return report;
}

bool Trainer::Impl::weightsFinite() const {
    torch::NoGradGuard noGrad;
    for (const torch::Tensor& parameter : model->parameters()) {
        if (!torch::isfinite(parameter).all().item<bool>()) return false;
    }
    return true;
}

std::string Trainer::Impl::explosionAfter(const EpochMetrics& m) {
    char rate[32];
    std::snprintf(rate, sizeof rate, "%g", m.lr);
    const std::string advice = std::string(" at learning rate ") + rate + "; try a smaller learning rate";
    if (!weightsFinite()) {
        return "the weights became infinite or NaN in epoch " + std::to_string(m.epoch) + advice;
    }
    const bool exploding =
        std::isfinite(startingLoss) && m.trainLoss > kExplodingLossFactor * startingLoss;
    explodingEpochs = exploding ? explodingEpochs + 1 : 0;
    if (explodingEpochs < kExplodingEpochsInARow) return {};
    char loss[64];
    std::snprintf(loss, sizeof loss, "%.3g, over %.0f times its starting %.3g", m.trainLoss,
                  kExplodingLossFactor, startingLoss);
    return "the training loss exploded: " + std::string(loss) + " for " +
           std::to_string(explodingEpochs) + " epochs in a row up to epoch " +
           std::to_string(m.epoch) + advice;
}

void Trainer::Impl::summarizeEpoch(const EpochMetrics& m, RunSummary& summary,
                                   double& samplesPerSecondSum) const {
    summary.epochs = m.epoch;
    summary.trainAcc = m.trainAcc;
    summary.testAcc = m.testAcc;
    summary.gap = m.gap;
    samplesPerSecondSum += m.samplesPerSecond;
    summary.samplesPerSecond = samplesPerSecondSum / m.epoch;
    if (!summary.epochsToFit && m.trainAcc >= config.fitThreshold) summary.epochsToFit = m.epoch;
}

RunSummary Trainer::Impl::run(TrainingObserver& observer) {
    const RunStart start = prepare();
    observer.onStarted(start);

    RunSummary summary;
    summary.parameters = start.parameters;
    summary.status = RunStatus::Finished;
    SeededRandom orderRandom(SeededRandom::deriveSeed(config.seed, kBatchOrder));
    SeededRandom cropRandom(SeededRandom::deriveSeed(config.seed, kCrops));
    double samplesPerSecondSum = 0.0;
    pacer.start(Clock::now());

    for (int epoch = 1; epoch <= config.epochs; ++epoch) {
        const EpochPass pass = trainOneEpoch(epoch, orderRandom, cropRandom, observer);
        if (pass.stopped) {
            summary.status = RunStatus::Stopped;
            break;
        }
        pacer.postpone(pass.pausedFor);
        if (pass.diverged) {
            summary.status = RunStatus::Diverged;
            summary.message =
                divergenceMessage("the training loss", "in", epoch, pass.learningRateUsed);
            break;
        }
        const bool stepEnded = endStep();
        std::optional<EpochReport> report = evaluateEpoch(epoch, pass);
        if (!report) {
            summary.status = RunStatus::Diverged;
            summary.message =
                divergenceMessage("the evaluation loss", "after", epoch, pass.learningRateUsed);
            break;
        }
        report->pausedAfter = stepEnded;
        summarizeEpoch(report->metrics, summary, samplesPerSecondSum);
        observer.onEpoch(*report);
        if (std::string explosion = explosionAfter(report->metrics); !explosion.empty()) {
            summary.status = RunStatus::Diverged;
            summary.message = std::move(explosion);
            break;
        }

        learningRate *= config.lrDecay;
        if (config.stopWhenFit && summary.epochsToFit) break;
        if (epoch < config.epochs) {
            pacer.waitAfter(epoch, [this]() { return stopRequested || paused; });
        }
    }
    observer.onFinished(summary);
    return summary;
}

}  // namespace shatter
