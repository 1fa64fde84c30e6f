#pragma once

namespace shatter {

// How a run shares its CPU threads between LibTorch's intra-op pool and the BLAS library's own
// pool. Each model has a measured split (ModelInfo::threadSplit); ComputeDevice applies it.
enum class ThreadSplit {
    BlasThreads,      // OpenBLAS gets the threads, LibTorch's intra-op pool one
    LibTorchThreads,  // LibTorch gets the threads, OpenBLAS one
    BothPools,        // both get the threads
};

}  // namespace shatter
