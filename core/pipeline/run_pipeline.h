#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "data/dataset.h"
#include "pipeline/run_observer.h"
#include "train/run_config.h"
#include "train/run_summary.h"

namespace shatter {

class Trainer;

// One training run, start to end, as the CLI, the GUI and a sweep all do it: validate the config,
// load the dataset (or take one already loaded), draw the subsets and corrupt them
// (RunPreparation), create the run folder (RunWriter), train (Trainer), and report every step to
// a RunObserver and every trainer report to both the run folder and the observer.
//
// Stop, pause, step, the learning rate and the pace may be set from any thread at any time, also
// before the trainer exists: the pipeline keeps them and hands them to the trainer when it starts.
// A stop requested before training starts still gives a run folder, with status "stopped".
class RunPipeline {
public:
    // Run folders go into `root` (created if missing).
    RunPipeline(RunConfig config, std::string root);
    ~RunPipeline();
    RunPipeline(const RunPipeline&) = delete;
    RunPipeline& operator=(const RunPipeline&) = delete;

    // Gives the dataset named by a spec ("fashion-mnist", "cifar10:DIR"); throws DataError.
    using DatasetLoader = std::function<std::shared_ptr<const Dataset>(const std::string& spec)>;
    // Replaces loading config.dataset from disk: a sweep loads it once for all its points, the
    // GUI keeps the last one in memory. Called on the pipeline's thread, after validation.
    void setDatasetLoader(DatasetLoader loader);
    // Writes the run into this folder, which the caller has created (a sweep point claims its
    // folder so that no other process writes it), instead of a new folder under the root.
    void setRunDirectory(std::string directory);

    // Runs on the calling thread. Bad settings, unreadable data and an unwritable root throw
    // (ConfigError, DataError, RunStoreError) before training starts; errors during training end
    // the run with status "failed" and are not thrown.
    RunSummary run(RunObserver& observer);

    const RunConfig& config() const { return m_config; }
    // The run folder; empty until onRunDirectory.
    const std::string& directory() const { return m_directory; }

    void requestStop();
    // The same for a signal handler that interrupts the thread inside run(): atomics only.
    void requestStopFromSignalHandler();
    void setPaused(bool paused);
    // One more epoch, then paused again (Trainer::step).
    void step();
    // Takes effect from the next batch; later epochs decay from the new value.
    void setLearningRate(double learningRate);
    // Seconds from one epoch's end to the next (Trainer::setEpochInterval); 0: no waiting.
    void setEpochInterval(double seconds);

private:
    RunSummary train(Trainer& trainer, TrainingObserver& observer);
    void attach(Trainer& trainer);
    void detach();

    RunConfig m_config;
    std::string m_root;
    std::string m_directory;
    std::string m_claimedDirectory;
    DatasetLoader m_loadDataset;

    std::atomic<bool> m_stopRequested{false};
    std::atomic<Trainer*> m_trainer{nullptr};
    std::mutex
        m_controlMutex;  // guards the fields below and the trainer's lifetime for other threads
    bool m_paused = false;
    bool m_stepRequested = false;
    std::optional<double> m_learningRate;
    double m_epochInterval = 0.0;
};

}  // namespace shatter
