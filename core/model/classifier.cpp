#include "model/classifier.h"

namespace shatter {

std::int64_t Classifier::trainableParameterCount() const {
    std::int64_t count = 0;
    for (const torch::Tensor& parameter : parameters()) {
        if (parameter.requires_grad()) count += parameter.numel();
    }
    return count;
}

}  // namespace shatter
