// A whole run folder: config.json, metrics.csv and summary.json, separated by "====" lines.
#include <filesystem>

#include "fuzz_support.h"
#include "run/run_reader.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest = shatter::fuzz::asText(data, size);
    shatter::fuzz::writeScratchFile("config.json", shatter::fuzz::nextPart(rest));
    shatter::fuzz::writeScratchFile("metrics.csv", shatter::fuzz::nextPart(rest));
    const std::string_view summary = shatter::fuzz::nextPart(rest);
    const std::string summaryPath = (shatter::fuzz::scratchFolder() / "summary.json").string();
    if (summary.empty()) {
        std::filesystem::remove(summaryPath);  // a run still going, or killed
    } else {
        shatter::fuzz::writeScratchFile("summary.json", summary);
    }
    try {
        const shatter::RunRecord record = shatter::RunReader::load(shatter::fuzz::scratchFolder().string());
        for (const auto& epoch : record.epochs) {
            if (epoch.epoch < 1) __builtin_trap();
        }
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
