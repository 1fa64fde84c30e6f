#include "run/prediction_log.h"

#include <filesystem>

#include "shatter_error.h"
#include "util/atomic_file.h"

namespace shatter {

namespace {

constexpr char kMagic[4] = {'S', 'H', 'P', 'R'};
constexpr std::uint32_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 12;

std::string pathIn(const std::string& runDirectory) {
    return (std::filesystem::path(runDirectory) / PredictionLog::kFileName).string();
}

void putU32(std::string& out, std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8)
        out.push_back(static_cast<char>((value >> shift) & 0xff));
}

std::uint32_t getU32(const std::string& in, std::size_t offset) {
    std::uint32_t value = 0;
    for (int byte = 0; byte < 4; ++byte) {
        value |= std::uint32_t{static_cast<std::uint8_t>(in[offset + byte])} << (8 * byte);
    }
    return value;
}

}  // namespace

PredictionLog::PredictionLog(std::size_t exampleCount, std::vector<std::uint8_t> predictions)
    : m_exampleCount(exampleCount), m_predictions(std::move(predictions)) {}

int PredictionLog::epochCount() const {
    return m_exampleCount == 0 ? 0 : static_cast<int>(m_predictions.size() / m_exampleCount);
}

std::vector<int> PredictionLog::epoch(int epoch) const {
    const auto first =
        m_predictions.begin() + static_cast<std::ptrdiff_t>((epoch - 1) * m_exampleCount);
    return {first, first + static_cast<std::ptrdiff_t>(m_exampleCount)};
}

bool PredictionLog::exists(const std::string& runDirectory) {
    std::error_code ec;
    return std::filesystem::exists(pathIn(runDirectory), ec);
}

PredictionLog PredictionLog::load(const std::string& runDirectory) {
    const std::string path = pathIn(runDirectory);
    const std::string bytes = readWholeFile(path);
    if (bytes.size() < kHeaderBytes || bytes.compare(0, 4, kMagic, 4) != 0) {
        throw RunStoreError(path + ": not a predictions file");
    }
    if (getU32(bytes, 4) != kVersion) throw RunStoreError(path + ": unknown version");
    const std::size_t count = getU32(bytes, 8);
    if (count == 0) return {};
    const std::size_t epochs =
        (bytes.size() - kHeaderBytes) / count;  // a torn last block drops out
    const auto first = bytes.begin() + static_cast<std::ptrdiff_t>(kHeaderBytes);
    return PredictionLog(count, std::vector<std::uint8_t>(
                                    first, first + static_cast<std::ptrdiff_t>(epochs * count)));
}

PredictionLog::Writer::Writer(const std::string& runDirectory, std::size_t exampleCount)
    : m_path(pathIn(runDirectory)), m_exampleCount(exampleCount) {
    m_file.open(m_path, std::ios::out | std::ios::binary | std::ios::trunc);
    std::string header(kMagic, 4);
    putU32(header, kVersion);
    putU32(header, static_cast<std::uint32_t>(exampleCount));
    m_file.write(header.data(), static_cast<std::streamsize>(header.size()));
    m_file.flush();
    if (!m_file) throw RunStoreError(m_path + ": cannot create");
}

void PredictionLog::Writer::append(const std::vector<int>& predictions) {
    if (predictions.size() != m_exampleCount) {
        throw RunStoreError(m_path + ": an epoch has " + std::to_string(predictions.size()) +
                            " predictions, expected " + std::to_string(m_exampleCount));
    }
    std::string block(m_exampleCount, '\0');
    for (std::size_t i = 0; i < m_exampleCount; ++i)
        block[i] = static_cast<char>(predictions[i] & 0xff);
    m_file.write(block.data(), static_cast<std::streamsize>(block.size()));
    m_file.flush();
    if (!m_file) throw RunStoreError(m_path + ": write failed");
}

}  // namespace shatter
