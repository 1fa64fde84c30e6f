#include "train/compute_device.h"

#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <dlfcn.h>
#include <torch/cuda.h>

#include <thread>

#include "shatter_error.h"

namespace shatter {

namespace {

using SetThreadsFunction = void (*)(int);

SetThreadsFunction openBlasSetThreads() {
    return reinterpret_cast<SetThreadsFunction>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
}

}  // namespace

bool ComputeDevice::cudaAvailable() { return torch::cuda::is_available(); }

bool ComputeDevice::openBlasPresent() { return openBlasSetThreads() != nullptr; }

MatmulThreads ComputeDevice::matmulThreads() {
    static const MatmulThreads found =
        ThreadPolicy::matmulThreadsFrom(at::show_config(), openBlasPresent());
    return found;
}

ThreadPools ComputeDevice::configureCpuThreads(int threads, ThreadSplit split) {
    const ThreadPools pools = ThreadPolicy::choose(split, threads, matmulThreads());
    setThreadPools(pools.libtorch, pools.blas);
    return pools;
}

void ComputeDevice::setThreadPools(int libtorchThreads, int blasThreads) {
    if (SetThreadsFunction setBlasThreads = openBlasSetThreads()) setBlasThreads(blasThreads);
    at::set_num_threads(libtorchThreads);
}

ComputeDevice ComputeDevice::choose(const std::string& request, int threads, ThreadSplit split) {
    ComputeDevice device;
    device.threads =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const bool haveCuda = cudaAvailable();
    if (request == "cuda" && !haveCuda) {
        throw ConfigError(
            "device 'cuda': no CUDA GPU is available to this build of LibTorch (use auto or cpu)");
    }
    device.cuda = haveCuda && (request == "cuda" || request == "auto");
    const ThreadPools pools = configureCpuThreads(device.threads, split);
    if (device.cuda) {
        device.description =
            "CUDA GPU (" + std::to_string(torch::cuda::device_count()) + " visible)";
    } else {
        device.description = "CPU, " + std::to_string(device.threads) +
                             (device.threads == 1 ? " thread" : " threads") + " (" +
                             ThreadPolicy::describe(pools, matmulThreads()) + ")";
    }
    return device;
}

}  // namespace shatter
