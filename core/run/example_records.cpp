#include "run/example_records.h"

#include <cstring>

#include "shatter_error.h"

namespace shatter {

namespace {

constexpr char kMagic[4] = {'S', 'H', 'E', 'X'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 16;
constexpr std::size_t kRecordBytes = 17;
constexpr std::uint32_t kMaxEpoch = 100000;  // RunConfig::kMaxEpochs

void putU32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out.push_back(static_cast<char>((value >> shift) & 0xff));
}

std::uint32_t getU32(const std::string& in, std::size_t offset) {
    std::uint32_t value = 0;
    for (int byte = 0; byte < 4; ++byte) {
        value |= std::uint32_t{static_cast<std::uint8_t>(in[offset + byte])} << (8 * byte);
    }
    return value;
}

}  // namespace

std::string ExampleRecords::serialize() const {
    std::string out;
    out.reserve(kHeaderBytes + size() * kRecordBytes);
    out.append(kMagic, 4);
    putU32(out, kVersion);
    putU32(out, static_cast<std::uint32_t>(size()));
    putU32(out, static_cast<std::uint32_t>(epoch));
    for (std::size_t i = 0; i < size(); ++i) {
        putU32(out, static_cast<std::uint32_t>(trueLabels[i]));
        putU32(out, static_cast<std::uint32_t>(assignedLabels[i]));
        out.push_back(static_cast<char>(corrupted[i]));
        putU32(out, static_cast<std::uint32_t>(i < fittedSince.size() ? fittedSince[i] : 0));
        putU32(out, static_cast<std::uint32_t>(i < predictions.size() ? predictions[i] : -1));
    }
    return out;
}

ExampleRecords ExampleRecords::deserialize(const std::string& bytes, const std::string& origin) {
    if (bytes.size() < kHeaderBytes || std::memcmp(bytes.data(), kMagic, 4) != 0) {
        throw RunStoreError(origin + ": not a Shatter examples file (bad header)");
    }
    if (getU32(bytes, 4) != kVersion) {
        throw RunStoreError(origin + ": examples file version " + std::to_string(getU32(bytes, 4)) +
                            " is not supported");
    }
    const std::size_t count = getU32(bytes, 8);
    if (bytes.size() != kHeaderBytes + count * kRecordBytes) {
        throw RunStoreError(origin + ": " + std::to_string(bytes.size()) + " bytes, expected " +
                            std::to_string(kHeaderBytes + count * kRecordBytes) + " for " +
                            std::to_string(count) + " examples");
    }
    ExampleRecords records;
    const std::uint32_t epoch = getU32(bytes, 12);
    if (epoch > kMaxEpoch) {
        throw RunStoreError(origin + ": epoch " + std::to_string(epoch) + " is out of range (at most " +
                            std::to_string(kMaxEpoch) + ")");
    }
    records.epoch = static_cast<int>(epoch);
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t at = kHeaderBytes + i * kRecordBytes;
        records.trueLabels.push_back(static_cast<int>(getU32(bytes, at)));
        records.assignedLabels.push_back(static_cast<int>(getU32(bytes, at + 4)));
        records.corrupted.push_back(static_cast<std::uint8_t>(bytes[at + 8]));
        records.fittedSince.push_back(static_cast<int>(getU32(bytes, at + 9)));
        records.predictions.push_back(static_cast<int>(getU32(bytes, at + 13)));
        const bool valid = records.trueLabels.back() >= 0 && records.assignedLabels.back() >= 0 &&
                           records.corrupted.back() <= 1 && records.fittedSince.back() >= 0 &&
                           records.fittedSince.back() <= static_cast<int>(epoch) && records.predictions.back() >= -1;
        if (!valid) throw RunStoreError(origin + ": example " + std::to_string(i) + " holds values out of range");
    }
    return records;
}

}  // namespace shatter
