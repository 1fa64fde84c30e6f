// One CIFAR-10 binary batch file.
#include "data/cifar10_loader.h"
#include "fuzz_support.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = shatter::fuzz::writeScratchFile("data_batch_1.bin", shatter::fuzz::asText(data, size));
    try {
        shatter::ImageSet set;
        const std::size_t records = shatter::Cifar10Loader::appendBatch(path, set);
        if (set.size() != records || set.pixels.size() != records * set.imageBytes()) __builtin_trap();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
