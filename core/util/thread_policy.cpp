#include "util/thread_policy.h"

#include <algorithm>

namespace shatter {

MatmulThreads ThreadPolicy::matmulThreadsFrom(const std::string& buildSettings,
                                              bool openBlasLinked) {
    if (!openBlasLinked) return MatmulThreads::LibTorchPool;
    const std::string blas = blasFrom(buildSettings);
    // "generic" is the system's BLAS (Debian: OpenBLAS through libblas.so.3), "open" OpenBLAS
    // itself.
    const bool callsOpenBlas = blas == "open" || blas == "openblas" || blas == "generic";
    return callsOpenBlas ? MatmulThreads::BlasPool : MatmulThreads::LibTorchPool;
}

std::string ThreadPolicy::blasFrom(const std::string& buildSettings) {
    const std::string key = "BLAS_INFO=";
    const std::size_t at = buildSettings.find(key);
    if (at == std::string::npos) return "unknown";
    const std::size_t start = at + key.size();
    const std::size_t end = buildSettings.find_first_of(", \n", start);
    return buildSettings.substr(start, end == std::string::npos ? end : end - start);
}

ThreadPools ThreadPolicy::choose(ThreadSplit split, int threads, MatmulThreads matmul) {
    threads = std::max(1, threads);
    if (matmul == MatmulThreads::LibTorchPool) return {threads, 1};
    switch (split) {
        case ThreadSplit::BlasThreads:
            return {1, threads};
        case ThreadSplit::LibTorchThreads:
            return {threads, 1};
        case ThreadSplit::BothPools:
            return {threads, threads};
    }
    return {threads, threads};
}

std::string ThreadPolicy::describe(const ThreadPools& pools, MatmulThreads matmul) {
    if (matmul == MatmulThreads::LibTorchPool) return "LibTorch " + std::to_string(pools.libtorch);
    return "OpenBLAS " + std::to_string(pools.blas) + ", LibTorch " +
           std::to_string(pools.libtorch);
}

}  // namespace shatter
