#include "theory/theory_record.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

nlohmann::json numberOrNull(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

template <typename T>
T valueOr(const nlohmann::json& json, const char* key, T fallback) {
    if (!json.contains(key) || json.at(key).is_null()) return fallback;
    return json.at(key).get<T>();
}

// What both constructions report: the problem's size, how well the fit did, what it cost.
template <typename Result>
TheoryRecord sharedPart(const char* kind, const Result& result) {
    TheoryRecord record;
    record.kind = kind;
    record.n = result.n;
    record.d = result.d;
    record.classes = result.classes;
    record.trainAcc = result.trainAcc;
    record.testAcc = result.testAcc;
    record.maxResidual = result.maxResidual;
    record.seconds = result.seconds;
    record.bytesNeeded = result.bytesNeeded;
    return record;
}

}  // namespace

TheoryRecord TheoryRecord::from(const ExpressivityResult& result) {
    TheoryRecord record = sharedPart(kExpressivity, result);
    record.weightsPerOutput = result.weightsPerOutput;
    record.totalWeights = result.totalWeights;
    record.minGap = result.minGap;
    return record;
}

TheoryRecord TheoryRecord::from(const KernelResult& result) {
    TheoryRecord record = sharedPart(kKernel, result);
    record.kernel = kernelTypeKey(result.kernel);
    record.bandwidth = result.kernel == KernelType::Rbf ? result.bandwidth : NAN;
    record.bandwidthFromMedian = result.bandwidthFromMedian;
    record.ridge = result.ridge;
    record.rkhsNorm = result.rkhsNorm;
    return record;
}

nlohmann::json TheoryRecord::methodJson() const {
    if (kind != kKernel) return nlohmann::json::object();
    return {{"kernel", kernel},
            {"bandwidth", numberOrNull(bandwidth)},
            {"bandwidth_from_median", bandwidthFromMedian},
            {"ridge", numberOrNull(ridge)}};
}

nlohmann::json TheoryRecord::toJson() const {
    nlohmann::json json = {
        {"n", n},
        {"d", d},
        {"classes", classes},
        {"train_acc", numberOrNull(trainAcc)},
        {"test_acc", numberOrNull(testAcc)},
        {"max_residual", numberOrNull(maxResidual)},
        {"seconds", numberOrNull(seconds)},
        {"bytes_needed", bytesNeeded},
    };
    if (kind == kExpressivity) {
        json["weights_per_output"] = weightsPerOutput;
        json["total_weights"] = totalWeights;
        json["min_gap"] = numberOrNull(minGap);
    } else {
        json.update(methodJson());
        json["rkhs_norm"] = numberOrNull(rkhsNorm);
    }
    return json;
}

TheoryRecord TheoryRecord::fromJson(const std::string& kind, const nlohmann::json& theory) {
    TheoryRecord record;
    record.kind = kind;
    record.n = valueOr<std::int64_t>(theory, "n", 0);
    record.d = valueOr<std::int64_t>(theory, "d", 0);
    record.classes = valueOr<int>(theory, "classes", 0);
    record.trainAcc = valueOr<double>(theory, "train_acc", NAN);
    record.testAcc = valueOr<double>(theory, "test_acc", NAN);
    record.maxResidual = valueOr<double>(theory, "max_residual", NAN);
    record.seconds = valueOr<double>(theory, "seconds", NAN);
    record.bytesNeeded = valueOr<std::int64_t>(theory, "bytes_needed", 0);
    record.weightsPerOutput = valueOr<std::int64_t>(theory, "weights_per_output", 0);
    record.totalWeights = valueOr<std::int64_t>(theory, "total_weights", 0);
    record.minGap = valueOr<double>(theory, "min_gap", NAN);
    record.kernel = valueOr<std::string>(theory, "kernel", "");
    record.bandwidth = valueOr<double>(theory, "bandwidth", NAN);
    record.bandwidthFromMedian = valueOr<bool>(theory, "bandwidth_from_median", false);
    record.ridge = valueOr<double>(theory, "ridge", NAN);
    record.rkhsNorm = valueOr<double>(theory, "rkhs_norm", NAN);
    return record;
}

std::optional<TheoryRecord> TheoryRecord::load(const std::string& directory) {
    const std::string path = (std::filesystem::path(directory) / "summary.json").string();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return std::nullopt;
    try {
        const nlohmann::json summary = nlohmann::json::parse(readWholeFile(path));
        if (!summary.contains("theory") || !summary.contains("kind")) return std::nullopt;
        return fromJson(summary.at("kind").get<std::string>(), summary.at("theory"));
    } catch (const nlohmann::json::exception& error) {
        throw RunStoreError(path + ": unexpected contents (" + error.what() + ")");
    }
}

}  // namespace shatter
