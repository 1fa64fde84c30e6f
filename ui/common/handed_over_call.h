#pragma once

#include <QMetaObject>
#include <QObject>
#include <QThreadPool>
#include <functional>
#include <utility>

#include "common/thread_hand_over.h"

namespace shatter {

// A call made on another thread than the one that built it: Qt's event queue or thread pool
// orders the two, and ThreadHandOver tells ThreadSanitizer so. Each time the call is moved or
// copied into place (Qt's slot object, std::function's storage) the new copy is sent, once its
// function is in it; the call receives its own address before it runs. Qt may destroy the call
// on the thread that made it, after it ran elsewhere (the last reference to a queued slot
// object is dropped by whichever thread lets go last): the call sends itself back once it has
// run, and its destructor receives it.
template <typename Function>
class HandedOverCall {
public:
    explicit HandedOverCall(Function function) : m_function(std::move(function)) {
        ThreadHandOver::send(this);
    }
    HandedOverCall(HandedOverCall&& other) : m_function(std::move(other.m_function)) {
        ThreadHandOver::send(this);
    }
    HandedOverCall(const HandedOverCall& other) : m_function(other.m_function) {
        ThreadHandOver::send(this);
    }
    ~HandedOverCall() { ThreadHandOver::receive(this); }
    HandedOverCall& operator=(const HandedOverCall&) = delete;
    HandedOverCall& operator=(HandedOverCall&&) = delete;

    void operator()() {
        ThreadHandOver::receive(this);
        m_function();
        ThreadHandOver::send(this);
    }

private:
    Function m_function;
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
