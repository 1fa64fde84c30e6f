#include "train/fused_sgd.h"

#include <ATen/Parallel.h>
#include <immintrin.h>

#include <cmath>

namespace shatter {

namespace {

constexpr std::int64_t kGrain = 32768;

bool cpuHasAvx2Fma() {
    static const bool has = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    return has;
}

// The elements after the last full vector. Compiled without FMA instructions, so that the
// compiler cannot fuse momentum * buffer + d; std::fma rounds once where ATen's kernels do.
void updateRemainder(float* param, const float* grad, float* buffer, std::int64_t begin,
                     std::int64_t end, float learningRate, float momentum, float weightDecay) {
    for (std::int64_t i = begin; i < end; ++i) {
        float d = grad[i];
        if (weightDecay != 0.0f) d = std::fma(param[i], weightDecay, d);
        buffer[i] = buffer[i] * momentum + d;
        param[i] = std::fma(buffer[i], -learningRate, param[i]);
    }
}

// One pass over [begin, end). The roundings follow ATen's AVX2 kernels: add with alpha is a fused
// multiply-add, mul_ by a scalar and add_ of a tensor round separately.
__attribute__((target("avx2,fma"))) void updateRange(float* param, const float* grad, float* buffer,
                                                     std::int64_t begin, std::int64_t end,
                                                     float learningRate, float momentum,
                                                     float weightDecay) {
    const __m256 negativeRate = _mm256_set1_ps(-learningRate);
    const __m256 momentumVec = _mm256_set1_ps(momentum);
    const __m256 decayVec = _mm256_set1_ps(weightDecay);
    const bool decay = weightDecay != 0.0f;
    std::int64_t i = begin;
    for (; i + 8 <= end; i += 8) {
        const __m256 p = _mm256_loadu_ps(param + i);
        __m256 d = _mm256_loadu_ps(grad + i);
        if (decay) d = _mm256_fmadd_ps(p, decayVec, d);
        const __m256 b = _mm256_add_ps(_mm256_mul_ps(_mm256_loadu_ps(buffer + i), momentumVec), d);
        _mm256_storeu_ps(buffer + i, b);
        _mm256_storeu_ps(param + i, _mm256_fmadd_ps(b, negativeRate, p));
    }
    updateRemainder(param, grad, buffer, i, end, learningRate, momentum, weightDecay);
}

}  // namespace

FusedSgd::FusedSgd(std::vector<torch::Tensor> parameters, double learningRate, double momentum,
                   double weightDecay)
    : m_parameters(std::move(parameters)),
      m_learningRate(learningRate),
      m_momentum(momentum),
      m_weightDecay(weightDecay) {
    m_momentumBuffers.reserve(m_parameters.size());
    for (const torch::Tensor& p : m_parameters) m_momentumBuffers.push_back(torch::zeros_like(p));
}

void FusedSgd::setLearningRate(double learningRate) {
    if (learningRate == m_learningRate) return;
    m_learningRate = learningRate;
    if (m_negativeRateOnGpu.defined()) m_negativeRateOnGpu.fill_(-learningRate);
}

void FusedSgd::clearGradients() {
    for (torch::Tensor& p : m_parameters) p.mutable_grad().reset();
}

void FusedSgd::step() {
    torch::NoGradGuard noGrad;
    const auto rate = static_cast<float>(m_learningRate);
    const auto momentum = static_cast<float>(m_momentum);
    const auto decay = static_cast<float>(m_weightDecay);
    for (std::size_t k = 0; k < m_parameters.size(); ++k) {
        torch::Tensor& p = m_parameters[k];
        const torch::Tensor& grad = p.grad();
        if (!grad.defined()) continue;
        torch::Tensor& buffer = m_momentumBuffers[k];
        const bool onePass = p.is_cpu() && p.scalar_type() == torch::kFloat32 &&
                             p.is_contiguous() && grad.is_contiguous() &&
                             grad.scalar_type() == torch::kFloat32 && cpuHasAvx2Fma();
        if (!onePass) {
            const torch::Tensor d = m_weightDecay != 0.0 ? grad.add(p, m_weightDecay) : grad;
            buffer.mul_(m_momentum).add_(d);
            if (p.is_cuda()) {
                if (!m_negativeRateOnGpu.defined()) {
                    m_negativeRateOnGpu = torch::full(
                        {}, -m_learningRate, torch::TensorOptions().dtype(p.dtype()).device(p.device()));
                }
                p.addcmul_(buffer, m_negativeRateOnGpu);
            } else {
                p.add_(buffer, -m_learningRate);
            }
            continue;
        }
        float* param = p.data_ptr<float>();
        const float* gradient = grad.data_ptr<float>();
        float* buf = buffer.data_ptr<float>();
        at::parallel_for(0, p.numel(), kGrain, [&](std::int64_t begin, std::int64_t end) {
            updateRange(param, gradient, buf, begin, end, rate, momentum, decay);
        });
    }
}

}  // namespace shatter
