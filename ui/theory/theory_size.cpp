#include "theory/theory_size.h"

#include <algorithm>

#include "theory/expressivity_construction.h"
#include "theory/kernel_interpolation.h"

namespace shatter {

namespace {

constexpr std::int64_t kCropSide = 28;

std::int64_t taken(std::int64_t asked, std::int64_t available) {
    return asked > 0 ? std::min(asked, available) : available;
}

}  // namespace

TheorySize TheorySize::of(const RunConfig& config, const Splits& splits) {
    TheorySize size;
    size.n = taken(config.trainSize, splits.trainImages);
    size.m = taken(config.testSize, splits.testImages);
    size.d = splits.channels * kCropSide * kCropSide;
    size.classes = splits.classes;
    return size;
}

std::int64_t TheorySize::expressivityBytes() const {
    return ExpressivityConstruction::bytesNeeded(n, m, d, classes);
}

std::int64_t TheorySize::kernelBytes() const {
    return KernelInterpolation::bytesNeeded(n, m, classes);
}

}  // namespace shatter
