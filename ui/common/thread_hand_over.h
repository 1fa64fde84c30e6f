#pragma once

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
// not instrumented, and its event queue and thread pool wait on futexes. The sending thread calls
// send(object) once `object` and the data the receiver reads are written; the receiving thread
// calls receive(object) before reading them. The object's address names the hand-over: the
// receiver knows it without reading anything the sender wrote (a token stored in the object
// could not be read without a race). Outside a ThreadSanitizer build (SHATTER_SANITIZE=thread)
// both do nothing.
class ThreadHandOver {
public:
#ifdef SHATTER_THREAD_SANITIZER
    static void send(const void* object) { __tsan_release(const_cast<void*>(object)); }
    static void receive(const void* object) { __tsan_acquire(const_cast<void*>(object)); }
#else
    static void send(const void*) {}
    static void receive(const void*) {}
#endif
};

}  // namespace shatter
