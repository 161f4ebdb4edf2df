// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/gradcheck.h"

#include <cmath>
#include <random>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "autograd/grad_mode.h"
#include "base/status_macros.h"

namespace strata::autograd {
namespace {

// L = sum_k w_k * y_k, in double.
double WeightedSum(const Tensor& y, const std::vector<double>& weights) {
  const float* data = y.data<float>();
  double sum = 0;
  for (int64_t k = 0; k < y.num_elements(); ++k) sum += weights[k] * data[k];
  return sum;
}

std::vector<Variable> MakeVariables(const std::vector<Tensor>& inputs) {
  std::vector<Variable> vars;
  vars.reserve(inputs.size());
  for (const Tensor& t : inputs) vars.emplace_back(t, t.dtype() == DType::kFloat32);
  return vars;
}

}  // namespace

Tensor GradCheckInput(const Shape& shape, uint64_t seed, float low, float high) {
  std::mt19937_64 engine(seed);
  std::uniform_real_distribution<float> dist(low, high);
  Tensor t = Tensor::Empty(shape);
  float* data = t.mutable_data<float>();
  for (int64_t i = 0; i < t.num_elements(); ++i) data[i] = dist(engine);
  return t;
}

absl::Status GradCheck(
    absl::FunctionRef<absl::StatusOr<Variable>(absl::Span<const Variable>)> f,
    const std::vector<Tensor>& inputs, const GradCheckOptions& options) {
  return GradCheck(f, inputs, {}, options);
}

absl::Status GradCheck(
    absl::FunctionRef<absl::StatusOr<Variable>(absl::Span<const Variable>)> f,
    const std::vector<Tensor>& inputs, const std::vector<Variable>& parameters,
    const GradCheckOptions& options) {
  std::vector<Tensor> working;
  for (const Tensor& t : inputs) working.push_back(t.Clone());
  std::vector<Variable> params = parameters;
  for (Variable& p : params) p.ZeroGrad();

  std::vector<Variable> vars = MakeVariables(working);
  STRATA_ASSIGN_OR_RETURN(Variable y, f(vars));
  if (y.dtype() != DType::kFloat32) {
    return absl::InvalidArgumentError("GradCheck: expected a float32 output.");
  }
  if (!y.requires_grad()) {
    return absl::InvalidArgumentError(
        "GradCheck: the output does not require grad; the op recorded no graph.");
  }
  std::mt19937_64 engine(options.seed);
  std::uniform_real_distribution<double> dist(0.5, 1.5);
  std::vector<double> weights(y.value().num_elements());
  for (double& w : weights) w = (engine() & 1) ? dist(engine) : -dist(engine);
  Tensor seed = Tensor::Empty(y.shape());
  for (int64_t k = 0; k < seed.num_elements(); ++k) {
    seed.mutable_data<float>()[k] = static_cast<float>(weights[k]);
  }
  STRATA_RETURN_IF_ERROR(y.Backward(seed));

  // The tensors to probe: float inputs, then parameters (their storage, perturbed in place).
  struct Probe {
    Tensor value;
    Tensor analytic;
    std::string what;
  };
  std::vector<Probe> probes;
  for (size_t i = 0; i < working.size(); ++i) {
    if (working[i].dtype() != DType::kFloat32) continue;
    probes.push_back({working[i], vars[i].grad(), absl::StrCat("input ", i)});
  }
  for (size_t i = 0; i < params.size(); ++i) {
    probes.push_back({params[i].mutable_value(), params[i].grad(), absl::StrCat("parameter ", i)});
  }

  for (Probe& probe : probes) {
    float* x = probe.value.mutable_data<float>();
    const int64_t n = probe.value.num_elements();
    const int64_t limit = options.max_elements_per_tensor;
    const int64_t step = (limit > 0 && n > limit) ? (n + limit - 1) / limit : 1;
    for (int64_t e = 0; e < n; e += step) {
      const float original = x[e];
      double values[2];
      for (int side = 0; side < 2; ++side) {
        x[e] = static_cast<float>(original + (side == 0 ? options.epsilon : -options.epsilon));
        std::vector<Variable> probe_inputs = MakeVariables(working);
        absl::StatusOr<Variable> out;
        {
          NoGradScope no_grad;  // Probes need no graph.
          out = f(probe_inputs);
        }
        if (!out.ok()) {
          x[e] = original;
          return out.status();
        }
        values[side] = WeightedSum(out->value(), weights);
      }
      x[e] = original;
      const double numeric = (values[0] - values[1]) / (2 * options.epsilon);
      const double got = probe.analytic.defined() ? probe.analytic.data<float>()[e] : 0.0;
      if (!(std::abs(got - numeric) <= options.atol + options.rtol * std::abs(numeric))) {
        return absl::InvalidArgumentError(absl::StrCat(
            "GradCheck: gradient of ", probe.what, " (shape ", probe.value.shape().ToString(),
            ") at element ", e, ": expected (finite difference) ", numeric,
            "; received (backward) ", got, "."));
      }
    }
  }
  return absl::OkStatus();
}

}  // namespace strata::autograd
