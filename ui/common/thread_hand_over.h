#pragma once

#include <memory>

#if defined(__SANITIZE_THREAD__)
#define SHATTER_THREAD_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define SHATTER_THREAD_SANITIZER 1
#endif
#endif
#ifdef SHATTER_THREAD_SANITIZER
#include <sanitizer/tsan_interface.h>
#endif

namespace shatter {

// Tells ThreadSanitizer about a hand-over that Qt orders where it cannot see it: Debian's Qt 6 is
// not instrumented, and the queue of QThreadPool waits on futexes. The sending thread calls
// send() once the data the task reads is written; the task calls receive() before reading it.
// Outside a ThreadSanitizer build (SHATTER_SANITIZE=thread) both do nothing and nothing is kept.
class ThreadHandOver {
public:
#ifdef SHATTER_THREAD_SANITIZER
    ThreadHandOver() : m_token(std::make_shared<char>()) {}
    void send() const { __tsan_release(m_token.get()); }
    void receive() const { __tsan_acquire(m_token.get()); }

private:
    std::shared_ptr<char> m_token;
#else
    void send() const {}
    void receive() const {}
#endif
};

}  // namespace shatter
