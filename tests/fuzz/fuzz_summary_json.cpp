// summary.json of a run folder, read beside a valid config.json and metrics.csv.
#include "fuzz_support.h"
#include "run/metrics_csv.h"
#include "run/run_reader.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool prepared = [] {
        shatter::fuzz::writeScratchFile("config.json", "{\"epochs\": 2}\n");
        shatter::fuzz::writeScratchFile("metrics.csv", shatter::MetricsCsv::header() + "\n");
        return true;
    }();
    (void)prepared;
    shatter::fuzz::writeScratchFile("summary.json", shatter::fuzz::asText(data, size));
    try {
        (void)shatter::RunReader::load(shatter::fuzz::scratchFolder().string());
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
