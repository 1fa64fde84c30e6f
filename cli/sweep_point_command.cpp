#include <csignal>
#include <cstdio>
#include <filesystem>

#include "cli/commands.h"
#include "cli/progress_printer.h"
#include "sweep/sweep_point_runner.h"

namespace shatter {

namespace {

SweepPointRunner* g_activePoint = nullptr;

extern "C" void stopPointOnSignal(int) {
    // Slurm's scancel and a worker pool's cancel send SIGTERM: the run ends after its batch and
    // its folder keeps every finished epoch, with status "stopped".
    if (g_activePoint != nullptr) g_activePoint->requestStop();
}

}  // namespace

std::string shatterCliPath() {
    std::error_code ec;
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    return ec ? std::string("shatter-cli") : self.string();
}

int runSweepPointCommand(const std::string& directory, int index, int threads) {
    SweepPointRunner runner(directory, index, threads);
    ProgressPrinter printer(stderr);
    g_activePoint = &runner;
    std::signal(SIGINT, stopPointOnSignal);
    std::signal(SIGTERM, stopPointOnSignal);
    const RunSummary summary = runner.run(printer);
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
    g_activePoint = nullptr;

    std::printf("%s\n", runner.directory().c_str());
    switch (summary.status) {
        case RunStatus::Finished:
            return kExitOk;
        case RunStatus::Stopped:
            return kExitStopped;
        case RunStatus::Diverged:
            return kExitDiverged;
        default:
            return kExitFailed;
    }
}

}  // namespace shatter
