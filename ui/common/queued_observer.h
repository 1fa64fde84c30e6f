#pragma once

#include "common/handed_over_call.h"
#include "train/training_observer.h"

namespace shatter {

// A trainer observer that lives on a worker thread and hands each report to a controller on the
// GUI thread as a queued call, so the controller re-emits it as a signal there. `Controller` has
// the signals started(RunStart), progress(BatchProgress) and epochEnded(EpochReport); `Base` is
// TrainingObserver or an observer interface derived from it whose extra calls a subclass posts
// with post().
template <typename Controller, typename Base = TrainingObserver>
class QueuedObserver : public Base {
public:
    explicit QueuedObserver(Controller* controller) : m_controller(controller) {}

    void onStarted(const RunStart& start) override {
        post([start](Controller* c) { Q_EMIT c->started(start); });
    }
    void onProgress(const BatchProgress& progress) override {
        post([progress](Controller* c) { Q_EMIT c->progress(progress); });
    }
    void onEpoch(const EpochReport& report) override {
        post([report](Controller* c) { Q_EMIT c->epochEnded(report); });
    }

    // Runs function(controller) on the controller's thread, after the calls posted before it;
    // what the worker wrote before posting is visible to it (postQueued).
    template <typename Function>
    void post(Function function) const {
        Controller* controller = m_controller;
        postQueued(controller, [controller, function]() { function(controller); });
    }

private:
    Controller* m_controller;
};

}  // namespace shatter
