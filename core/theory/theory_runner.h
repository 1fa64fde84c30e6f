#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "data/dataset.h"
#include "theory/expressivity_result.h"
#include "theory/kernel_result.h"
#include "theory/kernel_settings.h"
#include "theory/theory_data.h"
#include "train/run_config.h"

namespace shatter {

struct ExpressivityRun {
    std::string directory;  // the run folder written
    ExpressivityResult result;
};

struct KernelRun {
    std::string directory;
    KernelResult result;
};

// Runs a theory construction on a RunConfig's data (dataset, sizes, corruption, seed; the
// training settings are not used) and keeps it as a run folder (TheoryRunWriter). Blocking and
// free of progress reporting: the GUI calls it from a worker thread.
class TheoryRunner {
public:
    // The data a training run with this config would see (RunPreparation), preprocessed.
    static TheoryData prepare(const RunConfig& config);
    static TheoryData prepare(const RunConfig& config, const Dataset& dataset);

    // Sizes over the memory limit are refused (ConfigError) before a folder is created. An error
    // during the computation (duplicate images: DataError; singular kernel matrix: ConfigError)
    // leaves a folder with status failed and its message, then is rethrown.
    static ExpressivityRun runExpressivity(const RunConfig& config, const TheoryData& data,
                                           std::optional<std::int64_t> maxMemoryBytes,
                                           const std::string& outRoot);
    // The construction of a stored expressivity run computed again (it is seeded: the same
    // network), to draw it; no new folder, the result names `storedDirectory`.
    static ExpressivityRun redrawExpressivity(const RunConfig& config, const TheoryData& data,
                                              std::optional<std::int64_t> maxMemoryBytes,
                                              const std::string& storedDirectory);
    static KernelRun runKernel(const RunConfig& config, const TheoryData& data,
                               const KernelSettings& settings, const std::string& outRoot);
};

}  // namespace shatter
