#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

namespace shatter {

// The palette of one GIF frame (or of the rectangle of it that changed), at most `limit` colours
// (a GIF has 256). A frame of no more colours than that gets each exactly. Otherwise the most
// frequent ones (a chart's background, text, grid and curves: seen more than once, at most half
// the palette) stay exact, ties broken by value so that the same frames always give the same
// file, and giflib's median cut (GifQuantizeBuffer) picks the rest for the remaining pixels (edge
// shading, gradients); those map to their nearest palette colour.
class GifPalette {
public:
    static constexpr int kMaxColours = 256;

    // `counts`: each colour (0xRRGGBB) of the pixels to encode, and how many there are.
    GifPalette(const std::unordered_map<std::uint32_t, std::uint32_t>& counts, int limit);

    int size() const { return int(m_colours.size()); }
    std::uint32_t colour(int index) const { return m_colours[std::size_t(index)]; }
    // The colour's index: its own, or its nearest colour's (remembered).
    int indexOf(std::uint32_t rgb);

    static std::uint32_t pack(const std::uint8_t* rgb) {
        return (std::uint32_t(rgb[0]) << 16) | (std::uint32_t(rgb[1]) << 8) | rgb[2];
    }
    static int channel(std::uint32_t rgb, int shift) { return int((rgb >> shift) & 0xFF); }

private:
    void add(std::uint32_t rgb);

    std::vector<std::uint32_t> m_colours;
    std::unordered_map<std::uint32_t, int> m_index;
};

}  // namespace shatter
