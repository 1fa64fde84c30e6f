#pragma once

#include <optional>
#include <string>

#include "util/thread_policy.h"
#include "util/thread_split.h"

namespace shatter {

// Which device a run uses and how many CPU threads, chosen once per run. How the threads are
// shared between LibTorch's pool and OpenBLAS's follows ThreadPolicy, given the BLAS that this
// LibTorch actually calls for its matrix products.
struct ComputeDevice {
    bool cuda = false;
    int threads = 1;
    std::string description;  // "CPU, 2 threads (OpenBLAS 2, LibTorch 1)", "CUDA GPU (1 visible)"

    // request: auto | cpu | cuda; threads: 0 picks one per core. With a model and its input
    // channels, this machine's thread calibration for them applies where one was measured.
    // Throws ConfigError when CUDA is requested but unavailable.
    static ComputeDevice choose(const std::string& request, int threads, ThreadSplit split,
                                const std::string& model = {}, int channels = 0);
    static bool cudaAvailable();
    // Applies the calibrated pools if given, else ThreadPolicy, to the process; returns the pools
    // it set.
    static ThreadPools configureCpuThreads(int threads, ThreadSplit split,
                                           std::optional<ThreadPools> calibrated = std::nullopt);
    // The pools `shatter-cli bench --calibrate` measured best on this machine for the model, its
    // input channels and this many threads; none when not measured or when the calibration file
    // cannot be read (the bench command names the file then).
    static std::optional<ThreadPools> calibratedPools(const std::string& model, int channels, int threads);
    // This machine as thread calibrations name it: CPU model, cores, BLAS, LibTorch version.
    static std::string machineKey();
    // Sets both pools explicitly (for benchmarks); blasThreads is ignored without OpenBLAS.
    static void setThreadPools(int libtorchThreads, int blasThreads);
    static bool openBlasPresent();
    // Whose pool runs matrix products in this process (from LibTorch's build settings).
    static MatmulThreads matmulThreads();
};

}  // namespace shatter
