#include "train/compute_device.h"

#include <ATen/Parallel.h>
#include <ATen/Version.h>
#include <dlfcn.h>
#include <torch/cuda.h>
#include <torch/version.h>

#include <fstream>
#include <thread>

#include "shatter_error.h"
#include "util/thread_calibration.h"

namespace shatter {

namespace {

using SetThreadsFunction = void (*)(int);

SetThreadsFunction openBlasSetThreads() {
    return reinterpret_cast<SetThreadsFunction>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
}

std::string cpuModelName() {
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) != 0) continue;
        const std::size_t colon = line.find(':');
        if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
    return {};
}


}  // namespace

bool ComputeDevice::cudaAvailable() { return torch::cuda::is_available(); }

bool ComputeDevice::openBlasPresent() { return openBlasSetThreads() != nullptr; }

MatmulThreads ComputeDevice::matmulThreads() {
    static const MatmulThreads found =
        ThreadPolicy::matmulThreadsFrom(at::show_config(), openBlasPresent());
    return found;
}

ThreadPools ComputeDevice::configureCpuThreads(int threads, ThreadSplit split,
                                               std::optional<ThreadPools> calibrated) {
    const ThreadPools pools = calibrated ? *calibrated : ThreadPolicy::choose(split, threads, matmulThreads());
    setThreadPools(pools.libtorch, pools.blas);
    return pools;
}

std::string ComputeDevice::machineKey() {
    return ThreadCalibration::machineKey(cpuModelName(),
                                         static_cast<int>(std::max(1u, std::thread::hardware_concurrency())),
                                         ThreadPolicy::blasFrom(at::show_config()), TORCH_VERSION);
}

std::optional<ThreadPools> ComputeDevice::calibratedPools(const std::string& model, int channels, int threads) {
    ThreadCalibration calibration(machineKey());
    try {
        calibration.load(ThreadCalibration::defaultPath());
    } catch (const ShatterError&) {
        return std::nullopt;  // a run is not refused for a cache; bench --calibrate reports it
    }
    const auto entry = calibration.find(model, channels, threads);
    if (!entry) return std::nullopt;
    return entry->pools;
}

void ComputeDevice::setThreadPools(int libtorchThreads, int blasThreads) {
    if (SetThreadsFunction setBlasThreads = openBlasSetThreads()) setBlasThreads(blasThreads);
    at::set_num_threads(libtorchThreads);
}

ComputeDevice ComputeDevice::choose(const std::string& request, int threads, ThreadSplit split,
                                    const std::string& model, int channels) {
    ComputeDevice device;
    device.threads =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const bool haveCuda = cudaAvailable();
    if (request == "cuda" && !haveCuda) {
        throw ConfigError(
            "device 'cuda': no CUDA GPU is available to this build of LibTorch (use auto or cpu)");
    }
    device.cuda = haveCuda && (request == "cuda" || request == "auto");
    const std::optional<ThreadPools> calibrated =
        model.empty() ? std::nullopt : calibratedPools(model, channels, device.threads);
    const ThreadPools pools = configureCpuThreads(device.threads, split, calibrated);
    if (device.cuda) {
        device.description =
            "CUDA GPU (" + std::to_string(torch::cuda::device_count()) + " visible)";
    } else {
        device.description = "CPU, " + std::to_string(device.threads) +
                             (device.threads == 1 ? " thread" : " threads") + " (" +
                             ThreadPolicy::describe(pools, matmulThreads()) +
                             (calibrated ? ", calibrated" : "") + ")";
    }
    return device;
}

}  // namespace shatter
