#pragma once

#include <torch/types.h>

#include "corruption/corrupted_dataset.h"
#include "data/image_set.h"

namespace shatter {

// The paper's preprocessing (Appendix A): scale to [0,1], centre-crop to 28x28 (CIFAR-10's
// 32x32; 28x28 data is left as is), then per-image whitening
// x <- (x - mean(x)) / max(std(x), 1/sqrt(N)), mean and std over the whole image.
class Preprocessor {
public:
    static constexpr std::int64_t kSide = 28;
    static constexpr std::int64_t kPrepareChunk = 1000;  // images prepared at a time

    // (N, C, H, W) float in [0, 1], on the given device.
    static torch::Tensor toUnitRange(const ImageSet& set, const torch::Device& device);
    // The training images in [0, 1] scale as the network sees them: the Gaussian test's images
    // are their floating-point noise (which leaves [0, 1]), the others their 8-bit pixels.
    static torch::Tensor trainingToUnitRange(const CorruptedDataset& data,
                                             const torch::Device& device);
    static torch::Tensor centerCrop(const torch::Tensor& images, std::int64_t side = kSide);
    static torch::Tensor whiten(const torch::Tensor& images);
    // centerCrop + whiten of a whole set, ready for the network, kPrepareChunk images at a time.
    static torch::Tensor prepare(const ImageSet& set, const torch::Device& device);
    // The same for the training set of a corrupted dataset (see trainingToUnitRange).
    static torch::Tensor prepareTraining(const CorruptedDataset& data, const torch::Device& device);
};

}  // namespace shatter
