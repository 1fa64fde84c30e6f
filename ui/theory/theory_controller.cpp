#include "theory/theory_controller.h"

#include <exception>

#include "common/handed_over_call.h"
#include "data/dataset_source.h"
#include "live/training_controller.h"
#include "shatter_error.h"
#include "theory/memory_budget.h"
#include "theory/theory_runner.h"

namespace shatter {

namespace {

QString describe(const std::exception& error) {
    if (dynamic_cast<const ShatterError*>(&error)) return QString::fromStdString(error.what());
    return "Unexpected error: " + QString::fromStdString(error.what());
}

QStringList classNamesOf(const TheoryData& data) {
    QStringList names;
    for (const std::string& name : data.data.classNames) names << QString::fromStdString(name);
    return names;
}

}  // namespace

TheoryController::TheoryController(QObject* parent)
    : QObject(parent), m_runsRoot(TrainingController::runsRoot()) {
    qRegisterMetaType<std::shared_ptr<const ExpressivityOutcome>>();
    qRegisterMetaType<KernelOutcome>();
    qRegisterMetaType<Method>();
}

TheoryController::~TheoryController() { shutdown(); }

std::int64_t TheoryController::memoryLimitBytes() const {
    return MemoryBudget::limitBytes(m_memoryLimit);
}

std::int64_t TheoryController::bytesNeeded(Method method, const RunConfig& config) const {
    const TheorySize size = TheorySize::of(config, m_splits);
    return method == Method::Expressivity ? size.expressivityBytes() : size.kernelBytes();
}

QString TheoryController::refusal(Method method, const RunConfig& config) const {
    const TheorySize size = TheorySize::of(config, m_splits);
    const std::string what =
        (method == Method::Expressivity ? "the 2n+d network for " : "kernel interpolation on ") +
        std::to_string(size.n) + " training images";
    try {
        MemoryBudget::require(bytesNeeded(method, config), memoryLimitBytes(), what);
    } catch (const std::exception& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

RunConfig TheoryController::withTrueLabels(RunConfig config) {
    config.corruption = CorruptionMode::None;
    config.level = 0.0;
    return config;
}

RunConfig TheoryController::withRandomLabels(RunConfig config) {
    config.corruption = CorruptionMode::Labels;
    config.level = 1.0;
    return config;
}

bool TheoryController::buildExpressivity(const RunConfig& config, const QString& storedDirectory) {
    return start(Method::Expressivity, config,
                 [this, config, storedDirectory]() { expressivityJob(config, storedDirectory); });
}

bool TheoryController::runKernel(const RunConfig& config, const KernelSettings& settings) {
    return start(Method::Kernel, config,
                 [this, config, settings]() { kernelJob(config, settings); });
}

bool TheoryController::compareKernel(const RunConfig& config, const KernelSettings& settings) {
    return start(Method::Kernel, config, [this, config, settings]() {
        kernelJob(withTrueLabels(config), settings);
        kernelJob(withRandomLabels(config), settings);
    });
}

bool TheoryController::start(Method method, const RunConfig& config, std::function<void()> job) {
    if (m_busy) {
        Q_EMIT failed(method, "A theory computation is in progress: wait for it to finish.");
        return false;
    }
    const QString refused = refusal(method, config);
    if (!refused.isEmpty()) {
        Q_EMIT failed(method, refused);
        return false;
    }
    if (m_worker.joinable()) m_worker.join();
    setBusy(true);
    m_worker = std::thread([this, job]() {
        job();
        post([](TheoryController* c) {
            if (c->m_worker.joinable()) c->m_worker.join();
            c->setBusy(false);
        });
    });
    return true;
}

void TheoryController::shutdown() {
    if (m_worker.joinable()) m_worker.join();
}

void TheoryController::setBusy(bool busy) {
    if (m_busy == busy) return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

template <typename Function>
void TheoryController::post(Function function) {
    postQueued(this, [this, function]() { function(this); });
}

std::shared_ptr<const Dataset> TheoryController::dataset(const std::string& spec) {
    const std::string key = DatasetSource::parse(spec).toString();
    if (m_cached && key == m_cachedSpec) return m_cached;
    m_cached.reset();  // one dataset in memory at a time
    m_cached = std::make_shared<const Dataset>(DatasetSource::parse(spec).load());
    m_cachedSpec = key;
    TheorySize::Splits splits;
    splits.trainImages = std::int64_t(m_cached->train.size());
    splits.testImages = std::int64_t(m_cached->test.size());
    splits.channels = m_cached->train.channels;
    splits.classes = m_cached->classCount();
    post([splits](TheoryController* c) { c->setSplits(splits); });
    return m_cached;
}

void TheoryController::expressivityJob(const RunConfig& config, const QString& storedDirectory) {
    try {
        const TheoryData data = TheoryRunner::prepare(config, *dataset(config.dataset));
        ExpressivityRun run =
            storedDirectory.isEmpty()
                ? TheoryRunner::runExpressivity(config, data, m_memoryLimit, m_runsRoot.toStdString())
                : TheoryRunner::redrawExpressivity(config, data, m_memoryLimit, storedDirectory.toStdString());
        auto outcome = std::make_shared<ExpressivityOutcome>();
        outcome->directory = QString::fromStdString(run.directory);
        outcome->result = std::move(run.result);
        outcome->classNames = classNamesOf(data);
        outcome->labelling = describeLabelling(config);
        std::shared_ptr<const ExpressivityOutcome> shared = std::move(outcome);
        post([shared](TheoryController* c) { Q_EMIT c->expressivityBuilt(shared); });
    } catch (const std::exception& error) {
        const QString message = describe(error);
        post([message](TheoryController* c) { Q_EMIT c->failed(Method::Expressivity, message); });
    }
}

void TheoryController::kernelJob(const RunConfig& config, const KernelSettings& settings) {
    try {
        const TheoryData data = TheoryRunner::prepare(config, *dataset(config.dataset));
        KernelSettings limited = settings;
        if (m_memoryLimit) limited.maxMemoryBytes = m_memoryLimit;
        const KernelRun run =
            TheoryRunner::runKernel(config, data, limited, m_runsRoot.toStdString());
        KernelOutcome outcome;
        outcome.directory = QString::fromStdString(run.directory);
        outcome.result = run.result;
        outcome.labelling = describeLabelling(config);
        post([outcome](TheoryController* c) { Q_EMIT c->kernelFinished(outcome); });
    } catch (const std::exception& error) {
        const QString message = describe(error);
        post([message](TheoryController* c) { Q_EMIT c->failed(Method::Kernel, message); });
    }
}

}  // namespace shatter
