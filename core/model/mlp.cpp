#include "model/mlp.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>

namespace shatter {

Mlp::Mlp(std::int64_t inputSize, int hiddenLayers, std::int64_t width, std::int64_t classes,
         double dropout) {
    std::int64_t in = inputSize;
    for (int layer = 0; layer < hiddenLayers; ++layer) {
        m_layers->push_back(torch::nn::Linear(in, width));
        m_layers->push_back(torch::nn::ReLU());
        if (dropout > 0.0) m_layers->push_back(torch::nn::Dropout(dropout));
        in = width;
    }
    m_layers->push_back(torch::nn::Linear(in, classes));
    register_module("layers", m_layers);
}

torch::Tensor Mlp::forward(const torch::Tensor& images) {
    return m_layers->forward(images.flatten(1));
}

}  // namespace shatter
