#pragma once

#include <atomic>
#include <chrono>
#include <functional>

namespace shatter {

// Spaces a run's epochs in time for a demonstration. After epoch k has been reported the
// trainer waits until the schedule's start + k × interval, so that epochs arrive one interval
// apart however long each takes to train. The interval may be changed from any thread at any
// moment (0: no waiting); a change takes effect from the epoch in progress. Time spent paused
// moves the schedule on. An epoch that ends after its place is not waited for, and the epochs
// after it catch up, so that a run paced to a duration lasts about that long as long as the
// machine can train it in that time. Waiting sleeps in short slices and ends as soon as
// `interrupted` says so (a stop or a pause); it is never counted as training time.
class EpochPacer {
public:
    using Clock = std::chrono::steady_clock;

    // Any thread.
    void setInterval(double seconds);
    double interval() const { return m_interval; }

    // The training thread, before epoch 1.
    void start(Clock::time_point now);
    // The training thread: the run was paused for `paused`.
    void postpone(Clock::duration paused);
    // The training thread, after epoch `epoch` has been reported: waits until its place in
    // the schedule or until `interrupted()`. Returns the time waited.
    Clock::duration waitAfter(int epoch, const std::function<bool()>& interrupted);

    // How long the waits sleep at most between two looks at `interrupted` and the interval.
    static constexpr std::chrono::milliseconds kSlice{20};

private:
    Clock::time_point deadline(int epoch) const;

    std::atomic<double> m_interval{0.0};
    // The schedule: epoch k is due at m_anchor + (k - m_anchorEpoch) × m_scheduledInterval.
    double m_scheduledInterval = 0.0;
    Clock::time_point m_anchor;
    int m_anchorEpoch = 0;
    Clock::time_point m_lastWaitEnded;  // when the epoch in progress began, pauses excluded
};

}  // namespace shatter
