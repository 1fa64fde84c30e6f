#include "util/seeded_random.h"

#include <cmath>
#include <numbers>

namespace shatter {

std::uint64_t SeededRandom::below(std::uint64_t bound) {
    // Reject the top partial block of the 64-bit range so that every residue is equally likely.
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max() -
                                std::numeric_limits<std::uint64_t>::max() % bound;
    std::uint64_t draw = m_engine();
    while (draw >= limit) draw = m_engine();
    return draw % bound;
}

double SeededRandom::uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

double SeededRandom::normal() {
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return m_spareNormal;
    }
    double u1 = uniform();
    while (u1 <= 0.0) u1 = uniform();
    const double u2 = uniform();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpareNormal = true;
    return radius * std::cos(angle);
}

std::vector<int> SeededRandom::permutation(int n) {
    std::vector<int> values(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) values[static_cast<std::size_t>(i)] = i;
    shuffle(values);
    return values;
}

std::uint64_t SeededRandom::deriveSeed(std::uint64_t seed, std::uint64_t purpose) {
    // splitmix64 finaliser over the pair.
    std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (purpose + 1);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

}  // namespace shatter
