// sweep.json of a sweep folder (read when a sweep is resumed or plotted).
#include "fuzz_support.h"
#include "shatter_error.h"
#include "sweep/sweep_record.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    shatter::fuzz::writeScratchFile(shatter::SweepRecord::kFileName, shatter::fuzz::asText(data, size));
    try {
        const shatter::SweepRecord record = shatter::SweepRecord::load(shatter::fuzz::scratchFolder().string());
        for (const auto& point : record.points) (void)record.find(point.name);
        record.plan.validate();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
