#include <cstdio>

#include "cli/commands.h"
#include "model/model_catalog.h"
#include "model/model_factory.h"
#include "util/text_format.h"

namespace shatter {

int runModelsCommand() {
    std::printf("%-16s %-30s %12s  %s\n", "model", "name", "parameters", "default lr");
    for (const ModelInfo& info : modelCatalog()) {
        // Count the parameters of the network as built, for CIFAR-10's 28x28x3 input.
        const auto model = ModelFactory::create(info.key, 3, 10, 0.0);
        const std::string count = withThousands(model->paperParameterCount());
        std::printf("%-16s %-30s %12s  %g\n", info.key, info.title, count.c_str(), info.defaultLearningRate);
    }
    return kExitOk;
}

}  // namespace shatter
