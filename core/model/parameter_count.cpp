#include "model/parameter_count.h"

#include "model/model_factory.h"

namespace shatter {

std::int64_t parameterCount(const std::string& modelKey, int channels, int classes) {
    torch::NoGradGuard noGrad;
    return ModelFactory::create(modelKey, channels, classes, 0.0)->paperParameterCount();
}

}  // namespace shatter
