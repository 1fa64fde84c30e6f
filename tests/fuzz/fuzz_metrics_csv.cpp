// metrics.csv of a run folder.
#include "fuzz_support.h"
#include "run/metrics_csv.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        bool cutShort = false;
        const auto rows = shatter::MetricsCsv::parse(std::string(shatter::fuzz::asText(data, size)), "metrics.csv",
                                                     &cutShort);
        for (const auto& row : rows) {
            if (row.epoch < 1) __builtin_trap();
            (void)shatter::MetricsCsv::formatRow(row);
        }
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
