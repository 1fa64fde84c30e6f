// IDX images and labels (MNIST, Fashion-MNIST), plain or gzip: the input holds the images file,
// a separator line "====", then the labels file.
#include "data/idx_loader.h"
#include "fuzz_support.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view rest = shatter::fuzz::asText(data, size);
    const std::string images = shatter::fuzz::writeScratchFile("images-idx3-ubyte", shatter::fuzz::nextPart(rest));
    const std::string labels = shatter::fuzz::writeScratchFile("labels-idx1-ubyte", rest);
    try {
        const shatter::ImageSet set = shatter::IdxLoader::readSplit(images, labels, 10);
        if (set.pixels.size() != set.size() * set.imageBytes()) __builtin_trap();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
