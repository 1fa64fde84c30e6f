#pragma once

#include <string>

#include "util/thread_split.h"

namespace shatter {

// Whose thread pool runs a CPU run's matrix products.
enum class MatmulThreads {
    BlasPool,      // OpenBLAS: its own pool, sized with openblas_set_num_threads
    LibTorchPool,  // MKL, oneDNN or ATen's own kernels: LibTorch's intra-op pool
                   // (at::set_num_threads)
};

// How many threads each pool gets.
struct ThreadPools {
    int libtorch = 1;
    int blas = 1;  // ignored where no OpenBLAS is linked
    bool operator==(const ThreadPools&) const = default;
};

// The CPU thread policy, free of LibTorch so that its decisions can be tested directly.
//
// Measured with `shatter-cli bench` (training samples/s, docs/PERFORMANCE.md):
//  - Debian's LibTorch 1.13 (BLAS_INFO=generic, the system's OpenBLAS) on 2 cores: the MLPs ran
//    3.1x faster with OpenBLAS 2 + LibTorch 1 than with both pools at 2; small AlexNet 1.2x with
//    LibTorch 2 + OpenBLAS 1; small Inception was best with both pools at 2.
//  - PyTorch 2.11's LibTorch (BLAS_INFO=mkl) on 16 cores: matrix products follow LibTorch's pool;
//    LibTorch 16 + BLAS 1 was best or within 3% of best for the MLP and small AlexNet at 8 and 16
//    threads, and OpenBLAS threads had no effect (LibTorch 1 + BLAS 16 = one thread's speed).
// So a model's measured split (ModelInfo::threadSplit) applies only where OpenBLAS does the
// matrix products; otherwise every model gives LibTorch all the threads.
class ThreadPolicy {
public:
    // Reads the BLAS_INFO entry of LibTorch's build settings (at::show_config()) and whether the
    // process can call openblas_set_num_threads.
    static MatmulThreads matmulThreadsFrom(const std::string& buildSettings, bool openBlasLinked);
    // The BLAS_INFO entry of LibTorch's build settings ("generic", "mkl", ...); "unknown" if none.
    static std::string blasFrom(const std::string& buildSettings);
    static ThreadPools choose(ThreadSplit split, int threads, MatmulThreads matmul);
    // "OpenBLAS 2, LibTorch 1" / "LibTorch 16"
    static std::string describe(const ThreadPools& pools, MatmulThreads matmul);
};

}  // namespace shatter
