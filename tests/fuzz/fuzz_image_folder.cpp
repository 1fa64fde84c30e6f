// An image folder: up to four image files separated by "====" lines, written to train/a, train/b,
// test/a and test/b of a fresh folder tree and read back by ImageFolderLoader (OpenCV decodes).
// Fewer parts are repeated, so that both classes and the test split always hold an image.
#include <algorithm>
#include <filesystem>
#include <opencv2/core/utility.hpp>
#include <vector>

#include "data/image_folder_loader.h"
#include "fuzz_support.h"
#include "shatter_error.h"

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    cv::setNumThreads(0);  // decode and resize on the calling thread: one core per fuzzer
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace fs = std::filesystem;
    std::string_view rest = shatter::fuzz::asText(data, size);
    std::vector<std::string_view> parts;
    do {
        parts.push_back(shatter::fuzz::nextPart(rest));
    } while (!rest.empty() && parts.size() < 4);

    const fs::path root = shatter::fuzz::scratchFolder() / "images";
    fs::remove_all(root);
    static const char* const folders[] = {"train/a", "train/b", "test/a", "test/b"};
    const std::size_t files = std::max<std::size_t>(parts.size(), 3);
    for (std::size_t i = 0; i < files; ++i) {
        const fs::path folder = root / folders[i];
        fs::create_directories(folder);
        const std::string_view bytes = parts[i % parts.size()];
        std::ofstream out(folder / ("image" + std::to_string(i) + ".png"), std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    }
    try {
        const shatter::Dataset dataset = shatter::ImageFolderLoader::readDirectory(root.string());
        const int side = shatter::ImageFolderLoader::kSide;
        if (dataset.classNames.size() != 2) __builtin_trap();
        for (const shatter::ImageSet* set : {&dataset.train, &dataset.test}) {
            if (set->height != side || set->width != side) __builtin_trap();
            if (set->channels != 1 && set->channels != 3) __builtin_trap();
            if (set->pixels.size() != set->size() * set->imageBytes()) __builtin_trap();
            for (const int label : set->labels) {
                if (label < 0 || label > 1) __builtin_trap();
            }
        }
        if (dataset.train.size() != 2 || dataset.test.size() != files - 2) __builtin_trap();
    } catch (const shatter::ShatterError&) {
    }
    return 0;
}
