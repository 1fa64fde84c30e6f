#pragma once

#include <string>
#include <vector>

namespace shatter {

// What a finished child process left: its exit code and everything it wrote.
struct ProcessResult {
    bool started = false;  // false: the program could not be run (see `error`)
    int exitCode = -1;     // -1 when it was killed by a signal
    int signal = 0;        // the signal that killed it, or 0
    std::string out;       // standard output
    std::string err;       // standard error
    std::string error;     // why it could not be started

    bool succeeded() const { return started && exitCode == 0; }
};

// Runs programs with an argument vector (never through a shell), searching PATH for argv[0],
// and waits for them. Standard input is /dev/null.
class ProcessRunner {
public:
    // Captures standard output and standard error.
    static ProcessResult run(const std::vector<std::string>& argv);
};

}  // namespace shatter
