#include "video/gif_palette.h"

#include <gif_lib.h>

#include <algorithm>

namespace shatter {

GifPalette::GifPalette(const std::unordered_map<std::uint32_t, std::uint32_t>& counts, int limit) {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> byCount(counts.begin(), counts.end());
    std::sort(byCount.begin(), byCount.end(), [](const auto& a, const auto& b) {
        return a.second != b.second ? a.second > b.second : a.first < b.first;
    });
    if (int(byCount.size()) <= limit) {
        for (const auto& entry : byCount) add(entry.first);
        return;
    }
    std::size_t exact = 0;
    while (exact < byCount.size() && int(exact) < limit / 2 && byCount[exact].second > 1) add(byCount[exact++].first);
    // The other pixels, one entry each, for the median cut.
    std::vector<GifByteType> red;
    std::vector<GifByteType> green;
    std::vector<GifByteType> blue;
    for (std::size_t i = exact; i < byCount.size(); ++i) {
        for (std::uint32_t n = 0; n < byCount[i].second; ++n) {
            red.push_back(GifByteType(channel(byCount[i].first, 16)));
            green.push_back(GifByteType(channel(byCount[i].first, 8)));
            blue.push_back(GifByteType(channel(byCount[i].first, 0)));
        }
    }
    int size = limit - int(exact);
    std::vector<GifByteType> indices(red.size());
    std::vector<GifColorType> cut(kMaxColours, GifColorType{0, 0, 0});
    if (GifQuantizeBuffer(unsigned(red.size()), 1, &size, red.data(), green.data(), blue.data(), indices.data(),
                          cut.data()) == GIF_ERROR) {
        size = 0;  // keep the exact colours; the rest map to the nearest of them
    }
    std::vector<bool> used(kMaxColours, false);
    for (GifByteType index : indices) used[index] = true;
    for (int i = 0; i < std::min(size, kMaxColours) && this->size() < limit; ++i) {
        if (!used[std::size_t(i)]) continue;
        const GifColorType& c = cut[std::size_t(i)];
        const std::uint32_t rgb = (std::uint32_t(c.Red) << 16) | (std::uint32_t(c.Green) << 8) | c.Blue;
        if (!m_index.count(rgb)) add(rgb);
    }
    if (m_colours.empty()) add(byCount.front().first);
}

int GifPalette::indexOf(std::uint32_t rgb) {
    if (auto found = m_index.find(rgb); found != m_index.end()) return found->second;
    int best = 0;
    long bestDistance = -1;
    for (int i = 0; i < size(); ++i) {
        const long dr = channel(rgb, 16) - channel(m_colours[std::size_t(i)], 16);
        const long dg = channel(rgb, 8) - channel(m_colours[std::size_t(i)], 8);
        const long db = channel(rgb, 0) - channel(m_colours[std::size_t(i)], 0);
        const long distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db;  // the eye is keenest on green
        if (bestDistance < 0 || distance < bestDistance) {
            bestDistance = distance;
            best = i;
        }
    }
    m_index.emplace(rgb, best);
    return best;
}

void GifPalette::add(std::uint32_t rgb) {
    m_index.emplace(rgb, int(m_colours.size()));
    m_colours.push_back(rgb);
}

}  // namespace shatter
