// examples.bin of a run folder.
#include "fuzz_support.h"
#include "run/example_records.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto records = shatter::ExampleRecords::deserialize(std::string(shatter::fuzz::asText(data, size)),
                                                                  "examples.bin");
        if (records.serialize() != std::string(shatter::fuzz::asText(data, size))) __builtin_trap();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
