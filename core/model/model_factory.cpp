#include "model/model_factory.h"

#include "model/mlp.h"
#include "model/model_catalog.h"
#include "model/small_alexnet.h"
#include "model/small_inception.h"

namespace shatter {

std::shared_ptr<Classifier> ModelFactory::create(const std::string& key, std::int64_t channels,
                                                 std::int64_t classes, double dropout) {
    const std::string checked = modelInfo(key).key;  // throws for an unknown key
    const std::int64_t inputSize = channels * kInputSide * kInputSide;
    if (checked == "mlp-1x512") return std::make_shared<Mlp>(inputSize, 1, 512, classes, dropout);
    if (checked == "mlp-3x512") return std::make_shared<Mlp>(inputSize, 3, 512, classes, dropout);
    if (checked == "alexnet") return std::make_shared<SmallAlexNet>(channels, classes, dropout);
    if (checked == "inception") return std::make_shared<SmallInception>(channels, classes, true, dropout);
    return std::make_shared<SmallInception>(channels, classes, false, dropout);
}

void ModelFactory::place(Classifier& model, const std::string& key, const torch::Device& device) {
    model.to(device);
    if (device.is_cpu() && modelInfo(key).channelsLastOnCpu) model.useChannelsLast();
}

}  // namespace shatter
