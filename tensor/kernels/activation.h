// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_TENSOR_KERNELS_ACTIVATION_H_
#define STRATA_TENSOR_KERNELS_ACTIVATION_H_

// Elementwise activation functions on float32 arrays, and their derivatives, for tensor/ops and
// autograd/ops. Callers validate sizes; `n` is the element count of every array. Outputs never
// alias inputs' storage unless stated. Every element goes through the same SIMD code whatever its
// position, so a value does not depend on the array's size, alignment or the thread count.
//
//   kernels::Sigmoid(x, n, y);             // y = 1 / (1 + exp(-x))
//   kernels::SigmoidGrad(y, dy, n, dx);    // dx = dy * y * (1 - y)
//
// Forward: y[i] = f(x[i]). Backward ("Grad"): dx[i] = dy[i] * f'(x[i]), computed from the saved
// input x or, where cheaper, from the saved output y.

#include <cstdint>

namespace strata::kernels {

// max(x, 0).
void Relu(const float* x, int64_t n, float* y);
// x > 0 ? dy : 0 (0 at x == 0, as Keras/TF).
void ReluGrad(const float* x, const float* dy, int64_t n, float* dx);

// x > 0 ? x : alpha * x.
void LeakyRelu(const float* x, int64_t n, float alpha, float* y);
// x > 0 ? dy : alpha * dy.
void LeakyReluGrad(const float* x, const float* dy, int64_t n, float alpha, float* dx);

// 1 / (1 + exp(-x)), without overflow for any x.
void Sigmoid(const float* x, int64_t n, float* y);
// dy * y * (1 - y), from the output y.
void SigmoidGrad(const float* y, const float* dy, int64_t n, float* dx);

// tanh(x).
void Tanh(const float* x, int64_t n, float* y);
// dy * (1 - y^2), from the output y.
void TanhGrad(const float* y, const float* dy, int64_t n, float* dx);

// x > 0 ? x : alpha * (exp(x) - 1).
void Elu(const float* x, int64_t n, float alpha, float* y);
// x > 0 ? dy : dy * (y + alpha), from the input x and the output y.
void EluGrad(const float* x, const float* y, const float* dy, int64_t n, float alpha, float* dx);

// kSeluScale * Elu(x, kSeluAlpha) (Klambauer et al. 2017; Keras's constants).
inline constexpr float kSeluAlpha = 1.6732632423543772848170429916717f;
inline constexpr float kSeluScale = 1.0507009873554804934193349852946f;
void Selu(const float* x, int64_t n, float* y);
// x > 0 ? scale * dy : dy * (y + scale * alpha), from the input x and the output y.
void SeluGrad(const float* x, const float* y, const float* dy, int64_t n, float* dx);

// x * Phi(x), Phi the standard normal CDF: exact 0.5 * x * (1 + erf(x / sqrt(2))), or with
// `approximate` the tanh form 0.5 * x * (1 + tanh(sqrt(2 / pi) * (x + 0.044715 x^3))).
void Gelu(const float* x, int64_t n, bool approximate, float* y);
// dy * d/dx Gelu(x), from the input x.
void GeluGrad(const float* x, const float* dy, int64_t n, bool approximate, float* dx);

// log(1 + exp(x)), without overflow for any x.
void Softplus(const float* x, int64_t n, float* y);
// dy * sigmoid(x), from the input x.
void SoftplusGrad(const float* x, const float* dy, int64_t n, float* dx);

// x * sigmoid(x) (also called SiLU).
void Swish(const float* x, int64_t n, float* y);
// dy * (s + x * s * (1 - s)) with s = sigmoid(x), from the input x.
void SwishGrad(const float* x, const float* dy, int64_t n, float* dx);

}  // namespace strata::kernels

#endif  // STRATA_TENSOR_KERNELS_ACTIVATION_H_
