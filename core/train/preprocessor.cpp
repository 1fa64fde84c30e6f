#include "train/preprocessor.h"

#include <algorithm>
#include <cmath>

namespace shatter {

torch::Tensor Preprocessor::toUnitRange(const ImageSet& set, const torch::Device& device) {
    const auto n = static_cast<std::int64_t>(set.size());
    torch::Tensor bytes = torch::from_blob(const_cast<std::uint8_t*>(set.pixels.data()),
                                           {n, set.channels, set.height, set.width}, torch::kUInt8);
    // Move the bytes first: on a GPU the conversion then runs there, and the host copies 1 byte a
    // pixel.
    return bytes.to(device).to(torch::kFloat32).div_(255.0f);
}

torch::Tensor Preprocessor::trainingToUnitRange(const CorruptedDataset& data,
                                                const torch::Device& device) {
    torch::Tensor images = toUnitRange(data.train, device);
    const GaussianInputs& noise = data.gaussian;
    if (noise.empty()) return images;
    const auto count = static_cast<std::int64_t>(noise.images.size());
    const std::size_t values = noise.valuesPerImage();
    torch::Tensor drawn = torch::empty({count, static_cast<std::int64_t>(values)}, torch::kFloat32);
    float* out = drawn.data_ptr<float>();
    for (std::size_t k = 0; k < noise.images.size(); ++k) {
        const std::vector<float> image = noise.draw(noise.images[k]);
        std::copy(image.begin(), image.end(), out + k * values);
    }
    const torch::Tensor rows = torch::tensor(
        std::vector<std::int64_t>(noise.images.begin(), noise.images.end()), torch::kInt64);
    images.index_copy_(0, rows.to(device),
                       drawn.div_(255.0f)
                           .view({count, images.size(1), images.size(2), images.size(3)})
                           .to(device));
    return images;
}

torch::Tensor Preprocessor::prepareTraining(const CorruptedDataset& data,
                                            const torch::Device& device) {
    return whiten(centerCrop(trainingToUnitRange(data, device)));
}

torch::Tensor Preprocessor::centerCrop(const torch::Tensor& images, std::int64_t side) {
    const std::int64_t height = images.size(2);
    const std::int64_t width = images.size(3);
    if (height <= side && width <= side) return images;
    const std::int64_t top = (height - side) / 2;
    const std::int64_t left = (width - side) / 2;
    return images.narrow(2, top, side).narrow(3, left, side).contiguous();
}

torch::Tensor Preprocessor::whiten(const torch::Tensor& images) {
    const torch::Tensor flat = images.flatten(1);
    const double floor = 1.0 / std::sqrt(static_cast<double>(flat.size(1)));
    const torch::Tensor mean = flat.mean(1, /*keepdim=*/true);
    const torch::Tensor stddev = flat.std(1, /*unbiased=*/false, /*keepdim=*/true).clamp_min(floor);
    return ((flat - mean) / stddev).view_as(images);
}

torch::Tensor Preprocessor::prepare(const ImageSet& set, const torch::Device& device) {
    // In chunks, so that the float copies of the whole set in between (unit range, crop,
    // centred, whitened: four times the result) never exist at once. Whitening is per image,
    // so the result is the same as preparing the set in one piece.
    const auto n = static_cast<std::int64_t>(set.size());
    const std::int64_t side = std::min<std::int64_t>(kSide, set.height);
    const std::int64_t sideWide = std::min<std::int64_t>(kSide, set.width);
    torch::Tensor prepared = torch::empty({n, set.channels, side, sideWide},
                                          torch::TensorOptions(torch::kFloat32).device(device));
    for (std::int64_t first = 0; first < n; first += kPrepareChunk) {
        const std::int64_t count = std::min(kPrepareChunk, n - first);
        const torch::Tensor bytes =
            torch::from_blob(const_cast<std::uint8_t*>(set.image(static_cast<std::size_t>(first))),
                             {count, set.channels, set.height, set.width}, torch::kUInt8);
        const torch::Tensor unit = bytes.to(device).to(torch::kFloat32).div_(255.0f);
        prepared.narrow(0, first, count).copy_(whiten(centerCrop(unit)));
    }
    return prepared;
}

}  // namespace shatter
