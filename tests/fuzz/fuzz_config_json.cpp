// A config file (--config, a preset, a run folder's config.json): read, validate, write back.
#include <nlohmann/json.hpp>

#include "fuzz_support.h"
#include "shatter_error.h"
#include "train/run_config.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = shatter::fuzz::writeScratchFile("config.json", shatter::fuzz::asText(data, size));
    try {
        const shatter::RunConfig config = shatter::RunConfig::fromJsonFile(path);
        // Whatever was read writes back and reads again to the same settings.
        shatter::RunConfig again;
        again.mergeJson(config.toJson(), "round trip");
        if (again.toJson() != config.toJson()) __builtin_trap();
        config.validate();
        (void)config.effectiveLearningRate();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
