#include "analysis/example_selection.h"

#include <algorithm>
#include <cmath>

namespace shatter {

namespace {

// The examples with the highest `key` (at least `floor`): the top kTailShare of them, ties kept.
std::vector<int> topTail(const std::vector<int>& candidates, const std::vector<int>& key,
                         int floor) {
    std::vector<int> values;
    for (int i : candidates) {
        if (key[static_cast<std::size_t>(i)] >= floor)
            values.push_back(key[static_cast<std::size_t>(i)]);
    }
    if (values.empty()) return {};
    std::sort(values.begin(), values.end(), std::greater<>());
    const auto keep =
        static_cast<std::size_t>(std::ceil(ExampleSelection::kTailShare * double(values.size())));
    const int threshold = values[std::max<std::size_t>(keep, 1) - 1];
    std::vector<int> chosen;
    for (int i : candidates) {
        if (key[static_cast<std::size_t>(i)] >= std::max(threshold, floor)) chosen.push_back(i);
    }
    return chosen;
}

}  // namespace

std::vector<int> ExampleSelection::choose(const std::vector<std::uint8_t>& corrupted,
                                          const std::vector<int>& fitEpoch,
                                          const std::vector<int>& forgetting, Filter filter,
                                          Order order) {
    const std::size_t total = corrupted.size();
    const bool hasEpochs = fitEpoch.size() == total && forgetting.size() == total && total > 0;
    std::vector<int> chosen;
    for (std::size_t i = 0; i < total; ++i) {
        if (filter == Filter::Corrupted && !corrupted[i]) continue;
        if (filter == Filter::Clean && corrupted[i]) continue;
        if (filter == Filter::NotFitted && hasEpochs && fitEpoch[i] > 0) continue;
        chosen.push_back(static_cast<int>(i));
    }
    if (filter == Filter::FittedLast)
        chosen = hasEpochs ? topTail(chosen, fitEpoch, 1) : std::vector<int>{};
    if (filter == Filter::MostForgotten)
        chosen = hasEpochs ? topTail(chosen, forgetting, 1) : std::vector<int>{};
    if (!hasEpochs || order == Order::Dataset) return chosen;

    const auto fitKey = [&](int i) {
        const int epoch = fitEpoch[static_cast<std::size_t>(i)];
        return epoch > 0 ? epoch : (1 << 30);  // not fitted: after every fitted example
    };
    const auto by = [&](auto key, bool descending) {
        std::stable_sort(chosen.begin(), chosen.end(), [&](int a, int b) {
            return descending ? key(a) > key(b) : key(a) < key(b);
        });
    };
    switch (order) {
        case Order::Dataset:
            break;
        case Order::FitEpochAscending:
            by(fitKey, false);
            break;
        case Order::FitEpochDescending:
            // The last fitted first; not fitted at the very end.
            by(
                [&](int i) {
                    return fitEpoch[static_cast<std::size_t>(i)] > 0
                               ? fitEpoch[static_cast<std::size_t>(i)]
                               : -1;
                },
                true);
            break;
        case Order::ForgettingDescending:
            by([&](int i) { return forgetting[static_cast<std::size_t>(i)]; }, true);
            break;
        case Order::ForgettingAscending:
            by([&](int i) { return forgetting[static_cast<std::size_t>(i)]; }, false);
            break;
    }
    return chosen;
}

}  // namespace shatter
