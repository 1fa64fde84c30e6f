#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace shatter {

// Every random draw Shatter makes outside LibTorch goes through this class. It is built on
// std::mt19937_64, whose output the C++ standard fixes, and draws integers, uniforms, normals
// and permutations with its own arithmetic (the std distributions vary between libraries), so a
// seed gives the same corruption on every platform.
class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : m_engine(seed) {}

    // Uniform integer in [0, bound), bound > 0, without modulo bias.
    std::uint64_t below(std::uint64_t bound);
    // Uniform double in [0, 1).
    double uniform();
    // Standard normal draw (Box-Muller).
    double normal();
    // A uniformly random permutation of 0..n-1 (Fisher-Yates).
    std::vector<int> permutation(int n);
    template <typename T>
    void shuffle(std::vector<T>& values) {
        for (std::size_t i = values.size(); i > 1; --i) {
            std::swap(values[i - 1], values[below(i)]);
        }
    }

    // Derives an independent stream for a named purpose, so adding a draw in one place does not
    // change the draws made elsewhere.
    static std::uint64_t deriveSeed(std::uint64_t seed, std::uint64_t purpose);

private:
    std::mt19937_64 m_engine;
    bool m_hasSpareNormal = false;
    double m_spareNormal = 0.0;
};

}  // namespace shatter
