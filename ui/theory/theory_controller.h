#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "data/dataset.h"
#include "theory/kernel_settings.h"
#include "theory/theory_outcomes.h"
#include "theory/theory_size.h"
#include "train/run_config.h"

namespace shatter {

// Runs the theory constructions (TheoryRunner) on a worker thread, one at a time, on the data a
// training run with the same config would see; every run leaves a run folder in the runs folder.
// Sizes over the memory limit are refused before anything starts, with the message a user reads.
// Results and errors arrive on the GUI thread as signals.
class TheoryController : public QObject {
    Q_OBJECT

public:
    enum class Method { Expressivity, Kernel };
    Q_ENUM(Method)

    explicit TheoryController(QObject* parent = nullptr);
    ~TheoryController() override;

    void setRunsRoot(const QString& root) { m_runsRoot = root; }
    QString runsRoot() const { return m_runsRoot; }
    // The memory a computation may take; nullopt: MemoryBudget's default (80% of what is free).
    void setMemoryLimit(std::optional<std::int64_t> bytes) { m_memoryLimit = bytes; }
    std::int64_t memoryLimitBytes() const;
    // The splits "all" refers to until a dataset is loaded (then its own sizes are used).
    void setSplits(const TheorySize::Splits& splits) { m_splits = splits; }
    const TheorySize::Splits& splits() const { return m_splits; }

    // The peak memory a method needs on the config's data, and why it is refused; empty when
    // it fits.
    std::int64_t bytesNeeded(Method method, const RunConfig& config) const;
    QString refusal(Method method, const RunConfig& config) const;

    bool isBusy() const { return m_busy; }
    // Each returns false, with failed(), when busy or refused; otherwise the result arrives later.
    // `storedDirectory`: a finished expressivity run of this config, drawn again without a new
    // folder (the construction is seeded); empty: a new run folder.
    bool buildExpressivity(const RunConfig& config, const QString& storedDirectory = QString());
    bool runKernel(const RunConfig& config, const KernelSettings& settings);
    // Two kernel runs on the config's data: true labels, then random labels.
    bool compareKernel(const RunConfig& config, const KernelSettings& settings);
    // Waits for the computation in progress (it cannot be interrupted).
    void shutdown();

    // The config with every label kept, and with every label random.
    static RunConfig withTrueLabels(RunConfig config);
    static RunConfig withRandomLabels(RunConfig config);

Q_SIGNALS:
    void busyChanged(bool busy);
    void expressivityBuilt(std::shared_ptr<const shatter::ExpressivityOutcome> outcome);
    void kernelFinished(const shatter::KernelOutcome& outcome);
    void failed(shatter::TheoryController::Method method, const QString& message);

private:
    bool start(Method method, const RunConfig& config, std::function<void()> job);
    void setBusy(bool busy);
    // The worker's side: load (cached), prepare and run, posting the outcome.
    std::shared_ptr<const Dataset> dataset(const std::string& spec);
    void expressivityJob(const RunConfig& config, const QString& storedDirectory);
    void kernelJob(const RunConfig& config, const KernelSettings& settings);
    template <typename Function>
    void post(Function function);

    QString m_runsRoot;
    std::optional<std::int64_t> m_memoryLimit;
    TheorySize::Splits m_splits;
    bool m_busy = false;
    std::thread m_worker;
    // Touched by the worker only, and by one worker at a time.
    std::string m_cachedSpec;
    std::shared_ptr<const Dataset> m_cached;
};

}  // namespace shatter
