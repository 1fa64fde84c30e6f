#pragma once

#include <cstdint>
#include <vector>

namespace shatter {

// Which training examples the gallery shows and in what order, from their corrupted flags and,
// once an epoch has finished, their fit epochs and forgetting counts (MemorizationReport).
class ExampleSelection {
public:
    enum class Filter { All, Corrupted, Clean, NotFitted, FittedLast, MostForgotten };
    enum class Order {
        Dataset,
        FitEpochAscending,
        FitEpochDescending,
        ForgettingDescending,
        ForgettingAscending
    };

    // Share of the fitted (forgotten) examples that "fitted last" ("most forgotten") keeps.
    static constexpr double kTailShare = 0.1;

    // fitEpoch and forgetting may be empty (no epoch yet): then only the corrupted flag filters
    // and the dataset order applies. Examples not fitted sort after every fitted one.
    static std::vector<int> choose(const std::vector<std::uint8_t>& corrupted,
                                   const std::vector<int>& fitEpoch,
                                   const std::vector<int>& forgetting, Filter filter, Order order);
};

}  // namespace shatter
