#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace shatter {

// A program started in the background with an argument vector (never through a shell), its
// standard output and error appended to a log file. Polled, not waited on, so one thread can
// watch many.
class ChildProcess {
public:
    // Throws RunStoreError when the log cannot be opened or the program cannot be started.
    static ChildProcess start(const std::vector<std::string>& argv, const std::string& logPath);

    // The exit code once it ended (128 + signal when a signal killed it); nullopt while it runs.
    std::optional<int> poll();
    // Asks it to stop (SIGTERM).
    void terminate() const;
    pid_t pid() const { return m_pid; }

private:
    explicit ChildProcess(pid_t pid) : m_pid(pid) {}
    pid_t m_pid = -1;
    std::optional<int> m_exitCode;
};

}  // namespace shatter
