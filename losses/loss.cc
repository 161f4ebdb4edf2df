// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "losses/loss.h"

#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "autograd/ops/elementwise.h"
#include "autograd/ops/reduce.h"
#include "base/status_macros.h"

namespace strata::losses {

absl::string_view ReductionName(Reduction reduction) {
  switch (reduction) {
    case Reduction::kAuto:
      return "auto";
    case Reduction::kSumOverBatchSize:
      return "sum_over_batch_size";
    case Reduction::kSum:
      return "sum";
    case Reduction::kNone:
      return "none";
  }
  return "auto";
}

absl::StatusOr<Reduction> ParseReduction(absl::string_view name) {
  for (Reduction r : {Reduction::kAuto, Reduction::kSumOverBatchSize,
                      Reduction::kSum, Reduction::kNone}) {
    if (name == ReductionName(r)) return r;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "Loss reduction: expected one of 'auto', 'sum_over_batch_size', 'sum', "
      "'none'; received '",
      name, "'."));
}

Loss::Loss(Reduction reduction, std::string name)
    : reduction_(reduction), name_(std::move(name)) {}

Loss::~Loss() = default;

ConfigDict Loss::GetConfig() const {
  ConfigDict config;
  ConfigWriter w(&config);
  w.SetString("reduction", ReductionName(reduction_));
  w.SetString("name", name_);
  return config;
}

absl::StatusOr<autograd::Variable> Loss::Call(
    const Tensor& y_true, const autograd::Variable& y_pred,
    const Tensor* sample_weight) const {
  STRATA_ASSIGN_OR_RETURN(autograd::Variable per_sample,
                          PerSample(y_true, y_pred));
  return WeightAndReduce(class_name(), per_sample, sample_weight, reduction_);
}

absl::StatusOr<autograd::Variable> Loss::WeightAndReduce(
    absl::string_view owner, const autograd::Variable& per_sample,
    const Tensor* sample_weight, Reduction reduction) {
  if (!per_sample.defined()) {
    return absl::InvalidArgumentError(
        absl::StrCat(owner,
                     ": expected defined per-sample losses; received an "
                     "undefined variable."));
  }
  autograd::Variable weighted = per_sample;
  if (sample_weight != nullptr) {
    const Shape& shape = per_sample.shape();
    const Shape& ws = sample_weight->shape();
    const int64_t batch = shape.rank() > 0 ? shape.dim(0) : 1;
    Tensor w =
        sample_weight->defined() && sample_weight->dtype() != DType::kFloat32
            ? sample_weight->Cast(DType::kFloat32)
            : *sample_weight;
    if (!w.defined()) {
      return absl::InvalidArgumentError(absl::StrCat(
          owner,
          ": expected a defined sample_weight; received an undefined "
          "one."));
    }
    if (shape.rank() >= 1 && ws != shape &&
        (ws == Shape{batch} || ws == Shape{batch, 1})) {
      // (batch,) weights scale whole samples: align them with axis 0.
      std::vector<int64_t> dims(shape.rank(), 1);
      dims[0] = batch;
      STRATA_ASSIGN_OR_RETURN(w, w.Reshape(dims));
    } else if (ws.rank() != 0 && ws != shape) {
      return absl::InvalidArgumentError(
          absl::StrCat(owner, ": expected sample_weight of shape (), (", batch,
                       ",), (", batch, ", 1) or ", shape.ToString(),
                       "; received ", ws.ToString(), "."));
    }
    STRATA_ASSIGN_OR_RETURN(
        weighted, autograd::Multiply(per_sample, autograd::Variable(w)));
  }
  if (reduction == Reduction::kNone) return weighted;
  STRATA_ASSIGN_OR_RETURN(autograd::Variable total, autograd::Sum(weighted));
  const int64_t n = weighted.shape().num_elements();
  if (reduction == Reduction::kSum || n <= 1) return total;
  return autograd::MulScalar(total, 1.0f / static_cast<float>(n));
}

}  // namespace strata::losses
