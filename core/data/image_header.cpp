#include "data/image_header.h"

#include <algorithm>
#include <cctype>

namespace shatter {

namespace {

using Header = std::optional<ImageHeader>;

// Bounds-checked reads: every accessor says whether the bytes were there.
class Bytes {
public:
    explicit Bytes(std::string_view bytes) : m_bytes(bytes) {}

    std::size_t size() const { return m_bytes.size(); }
    bool has(std::size_t offset, std::size_t count) const {
        return offset <= m_bytes.size() && count <= m_bytes.size() - offset;
    }
    std::uint8_t at(std::size_t offset) const { return static_cast<std::uint8_t>(m_bytes[offset]); }
    bool startsWith(std::string_view prefix, std::size_t offset = 0) const {
        return has(offset, prefix.size()) && m_bytes.substr(offset, prefix.size()) == prefix;
    }
    std::optional<std::uint32_t> big(std::size_t offset, int width) const {
        if (!has(offset, static_cast<std::size_t>(width))) return std::nullopt;
        std::uint32_t value = 0;
        for (int i = 0; i < width; ++i)
            value = (value << 8) | at(offset + static_cast<std::size_t>(i));
        return value;
    }
    std::optional<std::uint32_t> little(std::size_t offset, int width) const {
        if (!has(offset, static_cast<std::size_t>(width))) return std::nullopt;
        std::uint32_t value = 0;
        for (int i = width - 1; i >= 0; --i)
            value = (value << 8) | at(offset + static_cast<std::size_t>(i));
        return value;
    }

private:
    std::string_view m_bytes;
};

Header make(ImageHeader::Format format, std::uint64_t width, std::uint64_t height,
            std::uint64_t bytesPerPixel) {
    ImageHeader header;
    header.format = format;
    header.width = width;
    header.height = height;
    header.bytesPerPixel = bytesPerPixel;
    return header;
}

// PNG: the IHDR chunk comes first: width, height, bit depth, colour type.
Header readPng(const Bytes& b) {
    if (!b.startsWith("IHDR", 12)) return std::nullopt;
    const auto width = b.big(16, 4), height = b.big(20, 4);
    if (!width || !height || !b.has(25, 1)) return std::nullopt;
    const std::uint64_t bytesPerChannel = b.at(24) > 8 ? 2 : 1;
    return make(ImageHeader::Format::Png, *width, *height, 4 * bytesPerChannel);
}

// JPEG: markers up to the first start-of-frame, which holds precision, height, width, components.
Header readJpeg(const Bytes& b) {
    std::size_t at = 2;
    while (b.has(at, 4)) {
        if (b.at(at) != 0xFF) return std::nullopt;
        const std::uint8_t marker = b.at(at + 1);
        if (marker == 0xFF) {  // fill byte
            ++at;
            continue;
        }
        if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
            at += 2;  // markers without a length
            continue;
        }
        const auto length = b.big(at + 2, 2);
        const bool startOfFrame =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (startOfFrame) {
            const auto height = b.big(at + 5, 2), width = b.big(at + 7, 2);
            if (!height || !width || !b.has(at + 9, 1)) return std::nullopt;
            const std::uint64_t components = std::max<std::uint64_t>(b.at(at + 9), 3);
            return make(ImageHeader::Format::Jpeg, *width, *height, 2 * components);
        }
        if (marker == 0xD9 || marker == 0xDA || *length < 2) return std::nullopt;  // no frame first
        at += 2 + *length;
    }
    return std::nullopt;
}

// BMP: the info header's width and height (16 bits in the old OS/2 header, 32 signed bits
// otherwise; a negative height means top-down rows).
Header readBmp(const Bytes& b) {
    const auto infoSize = b.little(14, 4);
    if (!infoSize) return std::nullopt;
    if (*infoSize == 12) {
        const auto width = b.little(18, 2), height = b.little(20, 2);
        if (!width || !height) return std::nullopt;
        return make(ImageHeader::Format::Bmp, *width, *height, 4);
    }
    const auto width = b.little(18, 4), height = b.little(22, 4);
    if (!width || !height) return std::nullopt;
    const auto magnitude = [](std::uint32_t value) {
        const auto signedValue = static_cast<std::int64_t>(static_cast<std::int32_t>(value));
        return static_cast<std::uint64_t>(signedValue < 0 ? -signedValue : signedValue);
    };
    return make(ImageHeader::Format::Bmp, magnitude(*width), magnitude(*height), 4);
}

// TIFF: the first image file directory (the page OpenCV decodes): width, length, bits per sample,
// samples per pixel. A tag's first value sits in the entry when it fits, elsewhere at an offset.
Header readTiff(const Bytes& b) {
    const bool littleEndian = b.startsWith("II");
    const auto read = [&](std::size_t offset, int width) {
        return littleEndian ? b.little(offset, width) : b.big(offset, width);
    };
    const auto directory = read(4, 4);
    if (!directory) return std::nullopt;
    const auto entries = read(*directory, 2);
    if (!entries) return std::nullopt;
    std::optional<std::uint64_t> width, height;
    std::uint64_t bitsPerSample = 1, samplesPerPixel = 1;
    bool seen[4] = {false, false, false, false};
    for (std::uint32_t i = 0; i < *entries; ++i) {
        const std::size_t entry = *directory + 2 + std::size_t{i} * 12;
        const auto tag = read(entry, 2), type = read(entry + 2, 2), count = read(entry + 4, 4);
        if (!tag || !type || !count) return std::nullopt;
        if (*tag < 256 || *tag > 277 || (*tag > 258 && *tag != 277)) continue;
        const int slot = *tag == 277 ? 3 : static_cast<int>(*tag - 256);
        if (seen[slot]) continue;  // libtiff keeps the first of duplicated tags
        seen[slot] = true;
        const int valueWidth = *type == 3 ? 2 : *type == 4 ? 4 : 0;  // SHORT or LONG
        if (valueWidth == 0 || *count == 0) return std::nullopt;
        std::size_t valueAt = entry + 8;
        if (std::uint64_t{*count} * static_cast<std::uint64_t>(valueWidth) > 4) {
            const auto offset = read(entry + 8, 4);
            if (!offset) return std::nullopt;
            valueAt = *offset;
        }
        const auto value = read(valueAt, valueWidth);
        if (!value) return std::nullopt;
        if (*tag == 256)
            width = *value;
        else if (*tag == 257)
            height = *value;
        else if (*tag == 258)
            bitsPerSample = *value;
        else
            samplesPerPixel = *value;
    }
    if (!width || !height) return std::nullopt;
    const std::uint64_t bytesPerSample = std::clamp<std::uint64_t>((bitsPerSample + 7) / 8, 1, 8);
    return make(ImageHeader::Format::Tiff, *width, *height,
                std::max<std::uint64_t>(samplesPerPixel, 4) * bytesPerSample);
}

// WebP: a RIFF file whose first chunk is a lossy (VP8), lossless (VP8L) or extended (VP8X)
// bitstream, each with the size in its own layout.
Header readWebP(const Bytes& b) {
    if (b.startsWith("VP8 ", 12)) {
        if (!b.has(23, 3) || b.at(23) != 0x9D || b.at(24) != 0x01 || b.at(25) != 0x2A)
            return std::nullopt;
        const auto width = b.little(26, 2), height = b.little(28, 2);
        if (!width || !height) return std::nullopt;
        return make(ImageHeader::Format::WebP, *width & 0x3FFF, *height & 0x3FFF, 4);
    }
    if (b.startsWith("VP8L", 12)) {
        const auto bits = b.little(21, 4);
        if (!b.has(20, 1) || b.at(20) != 0x2F || !bits) return std::nullopt;
        return make(ImageHeader::Format::WebP, (*bits & 0x3FFF) + 1, ((*bits >> 14) & 0x3FFF) + 1,
                    4);
    }
    if (b.startsWith("VP8X", 12)) {
        const auto width = b.little(24, 3), height = b.little(27, 3);
        if (!width || !height) return std::nullopt;
        return make(ImageHeader::Format::WebP, std::uint64_t{*width} + 1,
                    std::uint64_t{*height} + 1, 4);
    }
    return std::nullopt;
}

// PBM/PGM/PPM: "P1".."P6", then width, height and (except for bitmaps) the largest value, as
// decimal numbers between whitespace and '#' comments.
Header readPnm(const Bytes& b) {
    const char kind = static_cast<char>(b.at(1));
    std::size_t at = 2;
    const auto number = [&]() -> std::optional<std::uint64_t> {
        while (b.has(at, 1)) {
            const int c = b.at(at);
            if (c == '#') {
                while (b.has(at, 1) && b.at(at) != '\n' && b.at(at) != '\r') ++at;
            } else if (std::isspace(c)) {
                ++at;
            } else {
                break;
            }
        }
        std::uint64_t value = 0;
        std::size_t digits = 0;
        while (b.has(at, 1) && std::isdigit(b.at(at))) {
            if (++digits > 10) return std::nullopt;
            value = value * 10 + static_cast<std::uint64_t>(b.at(at) - '0');
            ++at;
        }
        if (digits == 0) return std::nullopt;
        return value;
    };
    const auto width = number(), height = number();
    if (!width || !height) return std::nullopt;
    std::uint64_t maxValue = 1;
    if (kind != '1' && kind != '4') {
        const auto read = number();
        if (!read) return std::nullopt;
        maxValue = *read;
    }
    const std::uint64_t channels = kind == '3' || kind == '6' ? 3 : 1;
    return make(ImageHeader::Format::Pnm, *width, *height, channels * (maxValue > 255 ? 2 : 1));
}

}  // namespace

std::optional<ImageHeader> ImageHeader::read(std::string_view bytes) {
    const Bytes b(bytes);
    if (b.startsWith("\x89PNG\r\n\x1a\n")) return readPng(b);
    if (b.startsWith("\xFF\xD8\xFF")) return readJpeg(b);
    if (b.startsWith("BM")) return readBmp(b);
    if (b.startsWith(std::string_view("II*\0", 4)) || b.startsWith(std::string_view("MM\0*", 4))) {
        return readTiff(b);
    }
    if (b.startsWith("RIFF") && b.startsWith("WEBP", 8)) return readWebP(b);
    if (b.has(0, 3) && b.at(0) == 'P' && b.at(1) >= '1' && b.at(1) <= '6' &&
        std::isspace(b.at(2))) {
        return readPnm(b);
    }
    return std::nullopt;
}

const char* ImageHeader::formatName(Format format) {
    switch (format) {
        case Format::Png:
            return "PNG";
        case Format::Jpeg:
            return "JPEG";
        case Format::Bmp:
            return "BMP";
        case Format::Tiff:
            return "TIFF";
        case Format::WebP:
            return "WebP";
        case Format::Pnm:
            return "PGM/PPM";
    }
    return "image";
}

}  // namespace shatter
