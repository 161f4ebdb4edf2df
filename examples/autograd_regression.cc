// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Fits y = x @ [3, -2] + 0.5 by gradient descent on strata's tensors and autograd: the layers
// of strata stand on exactly these pieces.
#include <cstdio>
#include <vector>

#include "absl/status/status.h"
#include "autograd/ops/elementwise.h"
#include "autograd/ops/matmul.h"
#include "autograd/ops/reduce.h"
#include "autograd/variable.h"
#include "base/status_macros.h"
#include "tensor/ops/elementwise.h"
#include "tensor/ops/matmul.h"
#include "tensor/ops/random.h"
#include "tensor/tensor.h"

namespace {

using ::strata::Tensor;
using ::strata::autograd::Variable;

absl::Status Run() {
  strata::ops::RandomGenerator rng(/*seed=*/42);
  const int64_t n = 256;
  STRATA_ASSIGN_OR_RETURN(Tensor x, rng.Normal({n, 2}));
  STRATA_ASSIGN_OR_RETURN(Tensor true_w, Tensor::FromVector<float>({2, 1}, {3.0f, -2.0f}));
  STRATA_ASSIGN_OR_RETURN(Tensor y, strata::ops::MatMul(x, true_w));
  STRATA_ASSIGN_OR_RETURN(y, strata::ops::AddScalar(y, 0.5f));

  Variable w(Tensor::Zeros({2, 1}), /*requires_grad=*/true);
  Variable b(Tensor::Zeros({1}), /*requires_grad=*/true);
  const float learning_rate = 0.1f;
  for (int step = 0; step <= 100; ++step) {
    STRATA_ASSIGN_OR_RETURN(Variable pred, strata::autograd::MatMul(Variable(x), w));
    STRATA_ASSIGN_OR_RETURN(pred, strata::autograd::Add(pred, b));
    STRATA_ASSIGN_OR_RETURN(Variable error, strata::autograd::Subtract(pred, Variable(y)));
    STRATA_ASSIGN_OR_RETURN(Variable squared, strata::autograd::Square(error));
    STRATA_ASSIGN_OR_RETURN(Variable loss, strata::autograd::Mean(squared));
    STRATA_RETURN_IF_ERROR(loss.Backward());
    for (Variable* p : {&w, &b}) {
      float* value = p->mutable_value().mutable_data<float>();
      const float* grad = p->grad().data<float>();
      for (int64_t i = 0; i < p->value().num_elements(); ++i) value[i] -= learning_rate * grad[i];
      p->ZeroGrad();
    }
    if (step % 20 == 0) {
      STRATA_ASSIGN_OR_RETURN(float l, loss.value().Item<float>());
      std::printf("step %3d  loss %.6f\n", step, l);
    }
  }
  const std::vector<float> fitted = w.value().ToVector<float>();
  std::printf("fitted w = [%.4f, %.4f], b = %.4f (true: [3, -2], 0.5)\n", fitted[0], fitted[1],
              b.value().ToVector<float>()[0]);
  return absl::OkStatus();
}

}  // namespace

int main() {
  absl::Status status = Run();
  if (!status.ok()) {
    std::fprintf(stderr, "error: %s\n", status.ToString().c_str());
    return 1;
  }
  return 0;
}
