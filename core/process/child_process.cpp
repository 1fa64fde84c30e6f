#include "process/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "process/spawn_arguments.h"
#include "shatter_error.h"

namespace shatter {

ChildProcess ChildProcess::start(const std::vector<std::string>& argv, const std::string& logPath) {
    if (argv.empty()) throw RunStoreError("no program given");
    const int log = ::open(logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (log < 0) throw RunStoreError(logPath + ": cannot open (" + std::strerror(errno) + ")");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, log, STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, log, STDERR_FILENO);
    SpawnArguments arguments(argv);
    pid_t pid = 0;
    const int error =
        ::posix_spawnp(&pid, argv.front().c_str(), &actions, nullptr, arguments.argv(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(log);
    if (error != 0)
        throw RunStoreError(argv.front() + ": cannot start (" + std::strerror(error) + ")");
    return ChildProcess(pid);
}

std::optional<int> ChildProcess::poll() {
    if (m_exitCode) return m_exitCode;
    int status = 0;
    const pid_t done = ::waitpid(m_pid, &status, WNOHANG);
    if (done == m_pid) {
        m_exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    } else if (done < 0 && errno != EINTR) {
        m_exitCode = -1;  // not our child any more: nothing left to wait for
    }
    return m_exitCode;
}

void ChildProcess::terminate() const {
    if (!m_exitCode) ::kill(m_pid, SIGTERM);
}

}  // namespace shatter
