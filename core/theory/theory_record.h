#pragma once

#include <cmath>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>

#include "theory/expressivity_result.h"
#include "theory/kernel_result.h"

namespace shatter {

// The numbers of one theory run as its run folder keeps them (summary.json "theory"; kind and
// method settings also in config.json "run"), for tables that compare runs: true against random
// labels, one kernel against another. Numbers a kind does not have are NaN.
struct TheoryRecord {
    static constexpr const char* kExpressivity = "expressivity";
    static constexpr const char* kKernel = "kernel";

    std::string kind;  // kExpressivity or kKernel
    std::int64_t n = 0;
    std::int64_t d = 0;
    int classes = 0;
    double trainAcc = NAN;
    double testAcc = NAN;
    double maxResidual = NAN;
    double seconds = NAN;
    std::int64_t bytesNeeded = 0;
    // expressivity
    std::int64_t weightsPerOutput = 0;  // 2n + d
    std::int64_t totalWeights = 0;      // d + n + k n (a and b shared by the outputs)
    double minGap = NAN;
    // kernel
    std::string kernel;  // "rbf" | "linear"
    double bandwidth = NAN;
    bool bandwidthFromMedian = false;
    double ridge = NAN;
    double rkhsNorm = NAN;

    static TheoryRecord from(const ExpressivityResult& result);
    static TheoryRecord from(const KernelResult& result);
    nlohmann::json toJson() const;
    // The method's settings for config.json "run" "method".
    nlohmann::json methodJson() const;
    static TheoryRecord fromJson(const std::string& kind, const nlohmann::json& theory);

    // The record of a theory run folder; nullopt for a training run or a theory run that ended
    // before its results (status failed). Throws RunStoreError for a malformed summary.json.
    static std::optional<TheoryRecord> load(const std::string& directory);
};

}  // namespace shatter
