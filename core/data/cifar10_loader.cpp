#include "data/cifar10_loader.h"

#include <filesystem>
#include <fstream>
#include <iterator>

#include "shatter_error.h"
#include "util/text_format.h"

namespace shatter {

namespace {

namespace fs = std::filesystem;

const std::vector<std::string> kDefaultClassNames = {
    "airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"};

fs::path resolveBatchesFolder(const std::string& directory) {
    std::error_code ec;
    const fs::path given(directory);
    if (!fs::is_directory(given, ec)) throw DataError(directory + ": folder not found");
    if (fs::exists(given / "data_batch_1.bin", ec)) return given;
    if (fs::exists(given / "cifar-10-batches-bin" / "data_batch_1.bin", ec)) {
        return given / "cifar-10-batches-bin";
    }
    throw DataError(directory +
                    ": not a CIFAR-10 folder (expected data_batch_1.bin, or a "
                    "cifar-10-batches-bin folder holding it)");
}

std::vector<std::string> readClassNames(const fs::path& folder) {
    const fs::path meta = folder / "batches.meta.txt";
    std::ifstream in(meta);
    if (!in) return kDefaultClassNames;
    std::vector<std::string> names;
    std::string line;
    while (std::getline(in, line)) {
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) names.push_back(line);
    }
    if (names.size() != 10) {
        throw DataError(meta.string() + ": " + std::to_string(names.size()) +
                        " class names, expected 10");
    }
    return names;
}

}  // namespace

std::size_t Cifar10Loader::appendBatch(const std::string& path, ImageSet& set) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) throw DataError(path + ": file not found");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path + ": cannot open for reading");
    const std::vector<std::uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
    if (bytes.empty() || bytes.size() % kRecordBytes != 0) {
        throw DataError(path + ": " + withThousands(static_cast<std::int64_t>(bytes.size())) +
                        " bytes, expected a non-zero multiple of " + std::to_string(kRecordBytes));
    }
    set.channels = 3;
    set.height = 32;
    set.width = 32;
    const std::size_t records = bytes.size() / kRecordBytes;
    set.pixels.reserve(set.pixels.size() + records * (kRecordBytes - 1));
    for (std::size_t r = 0; r < records; ++r) {
        const std::uint8_t* record = bytes.data() + r * kRecordBytes;
        if (record[0] > 9) {
            throw DataError(path + ": record " + std::to_string(r) + " has label " +
                            std::to_string(record[0]) + ", expected 0..9");
        }
        set.labels.push_back(record[0]);
        set.pixels.insert(set.pixels.end(), record + 1, record + kRecordBytes);
    }
    return records;
}

Dataset Cifar10Loader::readDirectory(const std::string& directory) {
    const fs::path folder = resolveBatchesFolder(directory);
    Dataset dataset;
    dataset.name = "CIFAR-10";
    dataset.classNames = readClassNames(folder);
    // A batch cut short on a record boundary still parses: compare the counts. The published
    // batches hold kStandardRecords each; a smaller set spread over five batches holds the same
    // count in the first four, and no more in the last.
    // When a later batch holds more than the first, the first is the one cut short.
    const std::string firstPath = (folder / "data_batch_1.bin").string();
    std::size_t firstCount = 0;
    for (int batch = 1; batch <= 5; ++batch) {
        const std::string name = "data_batch_" + std::to_string(batch) + ".bin";
        const std::string path = (folder / name).string();
        const std::size_t count = appendBatch(path, dataset.train);
        if (batch == 1) firstCount = count;
        const bool standard = firstCount == kStandardRecords;
        const bool fits = batch < 5 || standard ? count == firstCount : count <= firstCount;
        if (fits) continue;
        const bool firstIsShort = count > firstCount;
        throw DataError((firstIsShort ? firstPath : path) + ": " +
                        std::to_string(firstIsShort ? firstCount : count) + " records, but " +
                        (firstIsShort ? name : std::string("data_batch_1.bin")) + " holds " +
                        std::to_string(firstIsShort ? count : firstCount) +
                        "; the file looks cut short, download it again");
    }
    const std::string testPath = (folder / "test_batch.bin").string();
    const std::size_t testCount = appendBatch(testPath, dataset.test);
    if (firstCount == kStandardRecords && testCount != kStandardRecords) {
        throw DataError(testPath + ": " + std::to_string(testCount) + " records, expected " +
                        std::to_string(kStandardRecords) + "; the file looks cut short, download it again");
    }
    return dataset;
}

}  // namespace shatter
