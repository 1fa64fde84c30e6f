#include "analysis/early_stopping.h"

#include <cmath>

namespace shatter {

std::optional<EarlyStopping> EarlyStopping::of(const std::vector<EpochMetrics>& epochs) {
    std::optional<EarlyStopping> result;
    for (const EpochMetrics& m : epochs) {
        if (std::isnan(m.testAcc)) continue;
        if (!result) result = EarlyStopping{};
        if (result->bestEpoch == 0 || m.testAcc > result->bestTestAcc) {
            result->bestEpoch = m.epoch;
            result->bestTestAcc = m.testAcc;
            result->trainAccThen = m.trainAcc;
        }
        result->lastTestAcc = m.testAcc;
        result->lastEpoch = m.epoch;
    }
    return result;
}

}  // namespace shatter
