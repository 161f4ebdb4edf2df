// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "metrics/mean.h"

#include <cstdint>

#include "base/status_macros.h"

namespace strata::metrics {

absl::Status Mean::UpdateValues(const Tensor& values,
                                const Tensor* sample_weight) {
  STRATA_RETURN_IF_ERROR(internal::CheckDefined("Mean", "values", values));
  STRATA_ASSIGN_OR_RETURN(
      internal::Weights w,
      internal::ViewWeights("Mean", sample_weight, values.shape()));
  const internal::Values v(values);
  const int64_t n = values.num_elements();
  for (int64_t i = 0; i < n; ++i) state_.Add(v[i], w.At(i));
  return absl::OkStatus();
}

}  // namespace strata::metrics
