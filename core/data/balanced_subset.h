#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "data/image_set.h"

namespace shatter {

// Draws a class-balanced subset of an image set, determined by a seed: each class contributes
// count / classes images (the remainder goes to randomly chosen classes); a class with too few
// images gives all it has and the others make up the difference.
class BalancedSubset {
public:
    // Indices into the set, ascending. count >= set.size() selects everything.
    static std::vector<std::size_t> chooseIndices(const ImageSet& set, int classCount,
                                                  std::size_t count, std::uint64_t seed);

    static ImageSet take(const ImageSet& set, const std::vector<std::size_t>& indices);

    static ImageSet draw(const ImageSet& set, int classCount, std::size_t count,
                         std::uint64_t seed) {
        return take(set, chooseIndices(set, classCount, count, seed));
    }
};

}  // namespace shatter
