#include "theory/kernel_settings.h"

#include "shatter_error.h"

namespace shatter {

std::string kernelTypeKey(KernelType type) { return type == KernelType::Rbf ? "rbf" : "linear"; }

KernelType parseKernelType(const std::string& key) {
    if (key == "rbf") return KernelType::Rbf;
    if (key == "linear") return KernelType::Linear;
    throw ConfigError("kernel '" + key + "': use rbf or linear");
}

}  // namespace shatter
