#pragma once

#include <string>

namespace shatter {

// Which device a run uses and how many CPU threads, chosen once per run.
//
// Thread policy (measured on a 2-core machine, MLP 1x512): LibTorch on Debian calls the system
// BLAS. With OpenBLAS doing the matrix products on N threads and LibTorch's own intra-op pool at
// 1 thread, training ran 1.7x faster than with both pools at 2 threads, which oversubscribed the
// cores and halved throughput. So when OpenBLAS is the BLAS, it gets the threads and LibTorch
// gets one; otherwise LibTorch gets them.
struct ComputeDevice {
    bool cuda = false;
    int threads = 1;
    std::string description;  // "CPU, 2 threads (OpenBLAS)", "CUDA GPU 0"

    // request: auto | cpu | cuda; threads: 0 picks one per core. Throws ConfigError when CUDA is
    // requested but unavailable.
    static ComputeDevice choose(const std::string& request, int threads);
    static bool cudaAvailable();
    // Applies the thread policy above to the process.
    static void configureCpuThreads(int threads);
    // Sets both pools explicitly (for benchmarks); blasThreads is ignored without OpenBLAS.
    static void setThreadPools(int libtorchThreads, int blasThreads);
    static bool openBlasPresent();
};

}  // namespace shatter
