#pragma once

#include <vector>

#include "train/training_observer.h"

namespace shatter {

// Passes every report on to several observers, in the order they were added.
class ObserverFanout : public TrainingObserver {
public:
    void add(TrainingObserver& observer) { m_observers.push_back(&observer); }

    void onStarted(const RunStart& start) override {
        for (TrainingObserver* o : m_observers) o->onStarted(start);
    }
    void onProgress(const BatchProgress& progress) override {
        for (TrainingObserver* o : m_observers) o->onProgress(progress);
    }
    void onEpoch(const EpochReport& report) override {
        for (TrainingObserver* o : m_observers) o->onEpoch(report);
    }
    void onFinished(const RunSummary& summary) override {
        for (TrainingObserver* o : m_observers) o->onFinished(summary);
    }

private:
    std::vector<TrainingObserver*> m_observers;
};

}  // namespace shatter
