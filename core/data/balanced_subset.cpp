#include "data/balanced_subset.h"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "util/seeded_random.h"

namespace shatter {

std::vector<std::size_t> BalancedSubset::chooseIndices(const ImageSet& set, int classCount,
                                                       std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> all(set.size());
    std::iota(all.begin(), all.end(), std::size_t{0});
    if (count >= set.size()) return all;

    SeededRandom random(seed);
    std::vector<std::vector<std::size_t>> byClass(static_cast<std::size_t>(classCount));
    for (std::size_t i = 0; i < set.size(); ++i) {
        byClass[static_cast<std::size_t>(set.labels[i])].push_back(i);
    }
    for (auto& members : byClass) random.shuffle(members);

    // Per-class quota, then hand out what is left one image at a time to classes in a random
    // order, skipping classes that have run out.
    const std::size_t classes = byClass.size();
    std::vector<std::size_t> quota(classes, 0);
    std::size_t remaining = count;
    std::vector<int> order = random.permutation(static_cast<int>(classes));
    while (remaining > 0) {
        bool gaveAny = false;
        const std::size_t share = std::max<std::size_t>(1, remaining / classes);
        for (int c : order) {
            const std::size_t available = byClass[static_cast<std::size_t>(c)].size() - quota[static_cast<std::size_t>(c)];
            const std::size_t give = std::min({share, available, remaining});
            quota[static_cast<std::size_t>(c)] += give;
            remaining -= give;
            gaveAny = gaveAny || give > 0;
            if (remaining == 0) break;
        }
        if (!gaveAny) break;
    }

    std::vector<std::size_t> chosen;
    chosen.reserve(count);
    for (std::size_t c = 0; c < classes; ++c) {
        chosen.insert(chosen.end(), byClass[c].begin(), byClass[c].begin() + static_cast<std::ptrdiff_t>(quota[c]));
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

ImageSet BalancedSubset::take(const ImageSet& set, const std::vector<std::size_t>& indices) {
    ImageSet subset;
    subset.channels = set.channels;
    subset.height = set.height;
    subset.width = set.width;
    const std::size_t bytes = set.imageBytes();
    subset.pixels.resize(indices.size() * bytes);
    subset.labels.reserve(indices.size());
    for (std::size_t i = 0; i < indices.size(); ++i) {
        std::memcpy(subset.image(i), set.image(indices[i]), bytes);
        subset.labels.push_back(set.labels[indices[i]]);
    }
    return subset;
}

}  // namespace shatter
