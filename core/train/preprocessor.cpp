#include "train/preprocessor.h"

#include <algorithm>
#include <cmath>

namespace shatter {

namespace {

// Images [first, first + count) of a set in [0, 1] on the device: 1 byte a pixel is moved, then
// converted there.
torch::Tensor unitRangeChunk(const ImageSet& set, std::int64_t first, std::int64_t count,
                             const torch::Device& device) {
    const torch::Tensor bytes =
        torch::from_blob(const_cast<std::uint8_t*>(set.image(static_cast<std::size_t>(first))),
                         {count, set.channels, set.height, set.width}, torch::kUInt8);
    return bytes.to(device).to(torch::kFloat32).div_(255.0f);
}

// The same for the training set, with the Gaussian test's images in the range replaced by their
// floating-point noise.
torch::Tensor trainingUnitRangeChunk(const CorruptedDataset& data, std::int64_t first,
                                     std::int64_t count, const torch::Device& device) {
    torch::Tensor images = unitRangeChunk(data.train, first, count, device);
    const GaussianInputs& noise = data.gaussian;
    const auto begin = std::lower_bound(noise.images.begin(), noise.images.end(), static_cast<std::size_t>(first));
    const auto end = std::lower_bound(begin, noise.images.end(), static_cast<std::size_t>(first + count));
    if (begin == end) return images;
    const auto drawnCount = static_cast<std::int64_t>(end - begin);
    const std::size_t values = noise.valuesPerImage();
    torch::Tensor drawn = torch::empty({drawnCount, static_cast<std::int64_t>(values)}, torch::kFloat32);
    float* out = drawn.data_ptr<float>();
    std::vector<std::int64_t> rows;
    rows.reserve(static_cast<std::size_t>(drawnCount));
    for (auto it = begin; it != end; ++it) {
        const std::vector<float> image = noise.draw(*it);
        std::copy(image.begin(), image.end(), out + (it - begin) * static_cast<std::ptrdiff_t>(values));
        rows.push_back(static_cast<std::int64_t>(*it) - first);
    }
    images.index_copy_(0, torch::tensor(rows, torch::kInt64).to(device),
                       drawn.div_(255.0f)
                           .view({drawnCount, images.size(1), images.size(2), images.size(3)})
                           .to(device));
    return images;
}

// A whole set made from its chunks, kPrepareChunk images at a time, so that the float copies in
// between (unit range, crop, centred, whitened: several times the result) never exist at once.
template <typename MakeChunk>
torch::Tensor inChunks(std::int64_t n, const std::vector<std::int64_t>& shape, const torch::Device& device,
                       MakeChunk makeChunk) {
    std::vector<std::int64_t> size = {n};
    size.insert(size.end(), shape.begin(), shape.end());
    torch::Tensor whole = torch::empty(size, torch::TensorOptions(torch::kFloat32).device(device));
    for (std::int64_t first = 0; first < n; first += Preprocessor::kPrepareChunk) {
        const std::int64_t count = std::min(Preprocessor::kPrepareChunk, n - first);
        whole.narrow(0, first, count).copy_(makeChunk(first, count));
    }
    return whole;
}

std::vector<std::int64_t> preparedShape(const ImageSet& set) {
    return {set.channels, std::min<std::int64_t>(Preprocessor::kSide, set.height),
            std::min<std::int64_t>(Preprocessor::kSide, set.width)};
}

}  // namespace

torch::Tensor Preprocessor::toUnitRange(const ImageSet& set, const torch::Device& device) {
    return unitRangeChunk(set, 0, static_cast<std::int64_t>(set.size()), device);
}

torch::Tensor Preprocessor::trainingToUnitRange(const CorruptedDataset& data,
                                                const torch::Device& device) {
    const ImageSet& set = data.train;
    return inChunks(static_cast<std::int64_t>(set.size()), {set.channels, set.height, set.width}, device,
                    [&](std::int64_t first, std::int64_t count) {
                        return trainingUnitRangeChunk(data, first, count, device);
                    });
}

torch::Tensor Preprocessor::prepareTraining(const CorruptedDataset& data,
                                            const torch::Device& device) {
    return inChunks(static_cast<std::int64_t>(data.train.size()), preparedShape(data.train), device,
                    [&](std::int64_t first, std::int64_t count) {
                        return whiten(centerCrop(trainingUnitRangeChunk(data, first, count, device)));
                    });
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
    // Whitening is per image, so the result is the same as preparing the set in one piece.
    return inChunks(static_cast<std::int64_t>(set.size()), preparedShape(set), device,
                    [&](std::int64_t first, std::int64_t count) {
                        return whiten(centerCrop(unitRangeChunk(set, first, count, device)));
                    });
}

}  // namespace shatter
