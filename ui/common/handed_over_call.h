#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <utility>

#include "common/thread_hand_over.h"

namespace shatter {

// A call made on another thread than the one that built it: Qt's event queue or thread pool
// orders the two, and a ThreadHandOver tells ThreadSanitizer so. The hand-over is sent each time
// the call is moved into place, after the function is (its member comes last), so that the
// copy Qt keeps is complete when it is sent; the call receives it before it runs.
template <typename Function>
class HandedOverCall {
public:
    explicit HandedOverCall(Function function) : m_function(std::move(function)) { m_handOver.send(); }
    HandedOverCall(HandedOverCall&& other)
        : m_function(std::move(other.m_function)), m_handOver(other.m_handOver) {
        m_handOver.send();
    }
    HandedOverCall(const HandedOverCall& other) : m_function(other.m_function), m_handOver(other.m_handOver) {
        m_handOver.send();
    }
    HandedOverCall& operator=(const HandedOverCall&) = delete;
    HandedOverCall& operator=(HandedOverCall&&) = delete;

    void operator()() {
        m_handOver.receive();
        m_function();
    }

private:
    Function m_function;
    ThreadHandOver m_handOver;
};

// Runs function() on the thread of `context` (after the calls queued there before it; not at
// all if `context` is gone by then). What this thread wrote before the call is visible to it.
template <typename Function>
void postQueued(QObject* context, Function function) {
    QMetaObject::invokeMethod(context, HandedOverCall<Function>(std::move(function)),
                              Qt::QueuedConnection);
}

// Runs function() on a thread of Qt's global pool; what this thread wrote before is visible to it.
template <typename Function>
void startOnPool(Function function) {
    QThreadPool::globalInstance()->start(
        std::function<void()>(HandedOverCall<Function>(std::move(function))));
}

}  // namespace shatter
