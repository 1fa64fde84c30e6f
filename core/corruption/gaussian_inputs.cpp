#include "corruption/gaussian_inputs.h"

#include "util/seeded_random.h"

namespace shatter {

std::vector<float> GaussianInputs::draw(std::size_t image) const {
    // One stream per image, so any image can be drawn again on its own.
    SeededRandom random(SeededRandom::deriveSeed(seed, static_cast<std::uint64_t>(image)));
    const std::size_t plane = static_cast<std::size_t>(height) * static_cast<std::size_t>(width);
    std::vector<float> values(valuesPerImage());
    for (std::size_t c = 0; c < mean.size(); ++c) {
        for (std::size_t p = 0; p < plane; ++p) {
            values[c * plane + p] = static_cast<float>(mean[c] + stddev[c] * random.normal());
        }
    }
    return values;
}

}  // namespace shatter
