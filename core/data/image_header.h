#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace shatter {

// The format, size and decoded bytes per pixel of an image file, read from its first bytes before
// any decoder sees it. The image-folder reader uses it to refuse files that are not one of the
// formats it reads and images whose decoded pixels would not fit in memory (a few bytes of header
// can claim 30000x30000 pixels).
struct ImageHeader {
    enum class Format { Png, Jpeg, Bmp, Tiff, WebP, Pnm };

    Format format = Format::Png;
    std::uint64_t width = 0;
    std::uint64_t height = 0;
    // An upper bound on the bytes per pixel the decoder needs for this image (its output and,
    // for JPEG, its coefficient buffers), before Shatter converts the pixels to 8 bits.
    std::uint64_t bytesPerPixel = 0;

    std::uint64_t pixels() const { return width * height; }
    std::uint64_t decodedBytes() const { return pixels() * bytesPerPixel; }

    // Empty when the bytes are not a PNG, JPEG, BMP, TIFF, WebP or PGM/PPM/PBM image, or end
    // before its size is given.
    static std::optional<ImageHeader> read(std::string_view bytes);
    static const char* formatName(Format format);
};

}  // namespace shatter
