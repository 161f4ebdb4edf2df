// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_OPS_RANDOM_H_
#define STRATA_AUTOGRAD_OPS_RANDOM_H_

// Differentiable random-mask ops: Dropout, as Keras's Dropout layer applies it in training.
// Each element of x is zeroed with probability `rate` and the kept ones are scaled by
// 1 / (1 - rate); backward multiplies the gradient by the same saved mask. The mask comes from
// the caller's generator (NOTE [ Counter-based random streams ]), so a run is reproducible from
// its seed and the same at any thread count.
//
//   ops::RandomGenerator rng(/*seed=*/1337);
//   STRATA_ASSIGN_OR_RETURN(Variable h, Dropout(x, 0.5f, rng));  // training only

#include "absl/status/statusor.h"
#include "autograd/variable.h"
#include "tensor/ops/random.h"

namespace strata::autograd {

// Inverted dropout of a float32 x with drop probability `rate` in [0, 1) (InvalidArgument
// otherwise); advances rng by one draw of x's size.
absl::StatusOr<Variable> Dropout(const Variable& x, float rate, ops::RandomGenerator& rng);

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_OPS_RANDOM_H_
