#pragma once

#include <torch/nn/modules/container/sequential.h>

#include "model/classifier.h"

namespace shatter {

// Multilayer perceptron: flatten -> [linear width -> ReLU (-> dropout)] x hiddenLayers ->
// linear classes. MLP 1x512 and MLP 3x512 of the paper.
class Mlp : public Classifier {
public:
    Mlp(std::int64_t inputSize, int hiddenLayers, std::int64_t width, std::int64_t classes,
        double dropout);
    torch::Tensor forward(const torch::Tensor& images) override;

private:
    torch::nn::Sequential m_layers;
};

}  // namespace shatter
