#pragma once

#include <string>

#include "util/thread_split.h"

namespace shatter {

// Which device a run uses and how many CPU threads, chosen once per run.
//
// Thread policy, measured with `shatter-cli bench` on a 2-core machine (training samples/s
// relative to both pools at 2 threads, in one process). Debian's LibTorch does its matrix
// products in the system BLAS (OpenBLAS), which has a thread pool of its own:
//  - MLP 1x512: OpenBLAS 2 + LibTorch 1 ran 3.1x faster; LibTorch 2 + OpenBLAS 1, 1.9x.
//  - small AlexNet: LibTorch 2 + OpenBLAS 1, 1.2x; OpenBLAS 2 + LibTorch 1, 0.7-0.8x.
//  - small Inception: both pools at 2 was best; LibTorch 2 + OpenBLAS 1, 0.86x.
// Each model says which split it gets (ModelInfo::threadSplit).
struct ComputeDevice {
    bool cuda = false;
    int threads = 1;
    std::string description;  // "CPU, 2 threads (OpenBLAS)", "CUDA GPU 0"

    // request: auto | cpu | cuda; threads: 0 picks one per core. Throws ConfigError when CUDA is
    // requested but unavailable.
    static ComputeDevice choose(const std::string& request, int threads, ThreadSplit split);
    static bool cudaAvailable();
    // Applies the thread policy above to the process.
    static void configureCpuThreads(int threads, ThreadSplit split);
    // Sets both pools explicitly (for benchmarks); blasThreads is ignored without OpenBLAS.
    static void setThreadPools(int libtorchThreads, int blasThreads);
    static bool openBlasPresent();
};

}  // namespace shatter
