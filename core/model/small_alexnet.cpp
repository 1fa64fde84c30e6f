#include "model/small_alexnet.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>
#include <torch/nn/modules/pooling.h>

namespace shatter {

namespace {

void addConvModule(torch::nn::Sequential& features, std::int64_t in, std::int64_t out) {
    features->push_back(torch::nn::Conv2d(torch::nn::Conv2dOptions(in, out, 5).padding(2)));
    features->push_back(torch::nn::ReLU());
    features->push_back(torch::nn::MaxPool2d(torch::nn::MaxPool2dOptions(3).stride(2).padding(1)));
    // TensorFlow's CIFAR-10 settings (depth radius 4, alpha 0.001/9, beta 0.75, bias 1);
    // LibTorch divides alpha by the window size, hence 0.001.
    features->push_back(torch::nn::LocalResponseNorm(
        torch::nn::LocalResponseNormOptions(9).alpha(0.001).beta(0.75).k(1.0)));
}

}  // namespace

SmallAlexNet::SmallAlexNet(std::int64_t channels, std::int64_t classes, double dropout) {
    addConvModule(m_features, channels, 64);  // 28 -> 14
    addConvModule(m_features, 64, 64);        // 14 -> 7
    m_classifier->push_back(torch::nn::Linear(64 * 7 * 7, 384));
    m_classifier->push_back(torch::nn::ReLU());
    if (dropout > 0.0) m_classifier->push_back(torch::nn::Dropout(dropout));
    m_classifier->push_back(torch::nn::Linear(384, 192));
    m_classifier->push_back(torch::nn::ReLU());
    if (dropout > 0.0) m_classifier->push_back(torch::nn::Dropout(dropout));
    m_classifier->push_back(torch::nn::Linear(192, classes));
    register_module("features", m_features);
    register_module("classifier", m_classifier);
}

torch::Tensor SmallAlexNet::forward(const torch::Tensor& images) {
    return m_classifier->forward(m_features->forward(inWeightLayout(images)).flatten(1));
}

}  // namespace shatter
