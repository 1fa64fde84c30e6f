#pragma once

#include <memory>

#include "corruption/corrupted_dataset.h"
#include "train/run_config.h"
#include "train/training_observer.h"

namespace shatter {

// Trains one of the paper's networks on a corrupted dataset with SGD, as RunConfig says, on the
// calling thread. After every epoch it evaluates the whole training set (against the assigned
// labels) and the test set and reports an EpochReport. Other threads may call requestStop(),
// setPaused(), step(), setLearningRate() and setEpochInterval() at any time; the loop checks
// them between batches. A non-finite loss, non-finite weights, or a finite loss exploding far
// above its starting value for consecutive epochs ends the run with status "diverged" and one
// message saying why.
class Trainer {
public:
    // `data` is read during run() and must outlive the trainer.
    Trainer(RunConfig config, const CorruptedDataset& data);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // Runs to the end, a stop request, divergence or the fit threshold (when asked to stop
    // there). Errors inside training end the run with status "failed"; they are not thrown.
    RunSummary run(TrainingObserver& observer);

    void requestStop();
    // Pauses between two batches, or resumes; either ends a step in progress.
    void setPaused(bool paused);
    // Trains until the end of the epoch in progress (or the next one, when paused between
    // epochs), then pauses again; that epoch's report has pausedAfter set.
    void step();
    // Seconds from one epoch's end to the next, for demonstrations (EpochPacer); 0: as fast as
    // possible. The wait counts neither as the epoch's time nor towards samples per second.
    void setEpochInterval(double seconds);
    // Takes effect from the next batch; later epochs decay from the new value.
    void setLearningRate(double learningRate);

private:
    // Ends a run that threw: status "failed", `message` for people, `diagnostic` for the log.
    static RunSummary fail(const std::string& message, const std::string& diagnostic,
                           TrainingObserver& observer);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace shatter
