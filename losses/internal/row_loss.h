// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LOSSES_INTERNAL_ROW_LOSS_H_
#define STRATA_LOSSES_INTERNAL_ROW_LOSS_H_

// Private to //losses: the machinery that makes every built-in loss one fused
// differentiable op.
//
// NOTE [ Fused row losses ]
// y_pred is viewed as (rows, cols): cols is its last dimension (1 for a rank-1
// y_pred) and each row yields one per-sample loss. A loss is a "row kernel", a
// small copyable struct (its options) with
//   void Forward(const RowInputs& in, int64_t begin, int64_t end,
//                float* loss) const;    // loss[r - begin], rows [begin, end)
//   void Backward(const RowInputs& in, int64_t begin, int64_t end,
//                 const RowScale& scale, float* dpred) const;
//                 // dpred[r, :] = scale(r) * d(loss_r)/d(y_pred[r, :])
// RunRowLoss computes the row losses, weights and reduces them in the same
// pass (no per-sample tensor exists unless Reduction::kNone asks for it), and
// records a single RowLossNode that keeps only references to its inputs. So a
// training step costs the loss two allocations besides the node: the scalar
// and, in backward, d(loss)/d(y_pred). The kernel is a template parameter so
// that its per-element math inlines into these loops; it never appears in a
// public header.
//
// Rows are cut into chunks whose size depends only on the shapes, and the
// per-chunk sums are added in chunk order (NOTE [ Deterministic parallelism ]
// in tensor/parallel.h): the value is bitwise the same at any thread count.
//
//   STRATA_ASSIGN_OR_RETURN(RowInputs in, PrepareDense(kName, y_true, y_pred));
//   STRATA_ASSIGN_OR_RETURN(RowWeights w, PrepareWeights(kName, weight, in));
//   return RunRowLoss(kName, SquaredErrorKernel{}, y_pred, std::move(in),
//                     std::move(w), reduction);

#include <algorithm>
#include <cstdint>
#include <memory>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "autograd/function.h"
#include "autograd/variable.h"
#include "losses/loss.h"
#include "tensor/parallel.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

namespace strata::losses::internal {

// Keras's backend.epsilon(): the clipping margin of losses on probabilities.
inline constexpr float kEpsilon = 1e-7f;

// One label per row of a sparse loss, read without dtype checks per row.
struct LabelView {
  DType dtype = DType::kInt64;
  const void* data = nullptr;

  int64_t At(int64_t row) const {
    switch (dtype) {
      case DType::kInt32:
        return static_cast<const int32_t*>(data)[row];
      case DType::kInt64:
        return static_cast<const int64_t*>(data)[row];
      case DType::kFloat32:
        break;
    }
    return static_cast<int64_t>(static_cast<const float*>(data)[row]);
  }
};

// Validated inputs of a row loss. Tensors share storage with the caller's and
// keep the raw pointers valid.
struct RowInputs {
  Tensor y_pred;  // float32, rows * cols elements.
  // Dense losses: float32 targets with y_pred's element count and layout.
  // Sparse losses: one label per row, int32, int64 or integral float32, each
  // in [0, cols).
  Tensor target;
  const float* pred = nullptr;   // y_pred's elements.
  const float* dense = nullptr;  // Dense targets' elements (else null).
  LabelView labels;              // Sparse labels (else data is null).
  int64_t rows = 0;
  int64_t cols = 0;
  Shape per_sample_shape;  // y_pred's shape without the last axis; (rows,)
                           // for a rank-1 y_pred.
};

// Per-row weights; every weight is 1 when `data` is null.
struct RowWeights {
  Tensor weights;  // float32; keeps `data` alive.
  const float* data = nullptr;
  int64_t divisor = 1;  // Row r has weight data[r / divisor].

  float At(int64_t row) const { return data[row / divisor]; }
};

// The factor each row's gradient is multiplied by in backward: the incoming
// gradient (per row for Reduction::kNone, else the scalar divided by the row
// count for sum_over_batch_size) times the row's weight.
class RowScale {
 public:
  RowScale(float factor, const float* per_row, const RowWeights& weights)
      : factor_(factor), per_row_(per_row), weights_(weights) {}

  float operator()(int64_t row) const {
    const float s = per_row_ != nullptr ? per_row_[row] * factor_ : factor_;
    return weights_.data != nullptr ? s * weights_.At(row) : s;
  }

 private:
  float factor_;
  const float* per_row_;
  const RowWeights& weights_;
};

// Validates (y_true, y_pred) for a dense loss (targets shaped like y_pred, up
// to a trailing 1; y_pred of rank >= min_rank) and views them as rows; int
// targets are cast to float32.
absl::StatusOr<RowInputs> PrepareDense(absl::string_view loss,
                                       const Tensor& y_true,
                                       const autograd::Variable& y_pred,
                                       int min_rank = 1);

// Validates (labels, y_pred) for a sparse loss: y_pred of rank >= 2, labels
// shaped like y_pred without its last axis (or with it as 1), every label an
// integer in [0, classes).
absl::StatusOr<RowInputs> PrepareSparse(absl::string_view loss,
                                        const Tensor& y_true,
                                        const autograd::Variable& y_pred);

// Validates optional sample weights: a scalar, (batch,), (batch, 1) or the
// per-sample shape; int weights are cast to float32.
absl::StatusOr<RowWeights> PrepareWeights(absl::string_view loss,
                                          const Tensor* sample_weight,
                                          const RowInputs& inputs);

// OK if `value` is in [low, high]; else InvalidArgument naming the option.
absl::Status CheckOption(absl::string_view loss, absl::string_view option,
                         double value, double low, double high);

// Rows per parallel chunk: about 32 Ki elements of y_pred, so that a
// (64, 10) batch runs inline on the calling thread.
inline int64_t RowGrain(int64_t cols) {
  return std::max<int64_t>(1, (int64_t{1} << 15) / std::max<int64_t>(1, cols));
}

// Sum of weight(r) * loss(r) over rows [begin, end), in row order.
template <typename Kernel>
double SumRows(const Kernel& kernel, const RowInputs& in,
               const RowWeights& weights, int64_t begin, int64_t end) {
  constexpr int64_t kBlock = 128;  // Row losses live on the stack.
  float block[kBlock];
  double total = 0;
  for (int64_t b = begin; b < end; b += kBlock) {
    const int64_t e = std::min(end, b + kBlock);
    kernel.Forward(in, b, e, block);
    for (int64_t r = b; r < e; ++r) {
      const double loss = block[r - b];
      total += weights.data != nullptr ? loss * weights.At(r) : loss;
    }
  }
  return total;
}

template <typename Kernel>
class RowLossNode final : public autograd::Node {
 public:
  RowLossNode(absl::string_view name, const autograd::Variable& y_pred,
              const Kernel& kernel, RowInputs inputs, RowWeights weights,
              Reduction reduction)
      : Node({y_pred}),
        name_(name),
        kernel_(kernel),
        inputs_(std::move(inputs)),
        weights_(std::move(weights)),
        reduction_(reduction) {}

  absl::string_view name() const override { return name_; }

  absl::StatusOr<std::vector<Tensor>> Backward(const Tensor& grad) override {
    float factor = 1.0f;
    const float* per_row = nullptr;
    if (reduction_ == Reduction::kNone) {
      per_row = grad.data<float>();
    } else {
      factor = grad.data<float>()[0];
      if (reduction_ != Reduction::kSum && inputs_.rows > 0) {
        factor /= static_cast<float>(inputs_.rows);
      }
    }
    const RowScale scale(factor, per_row, weights_);
    Tensor dpred = Tensor::Empty(inputs_.y_pred.shape());
    float* d = dpred.mutable_data<float>();
    ParallelFor(inputs_.rows, RowGrain(inputs_.cols),
                [&](int64_t begin, int64_t end) {
                  kernel_.Backward(inputs_, begin, end, scale, d);
                });
    return std::vector<Tensor>{std::move(dpred)};
  }

  // Moving out frees the storage now (see autograd/ops/softmax.cc on why not
  // assigning fresh tensors).
  void ReleaseSavedTensors() override {
    RowInputs released_inputs = std::move(inputs_);
    RowWeights released_weights = std::move(weights_);
  }

 private:
  const absl::string_view name_;  // A literal.
  const Kernel kernel_;
  RowInputs inputs_;
  RowWeights weights_;
  const Reduction reduction_;
};

// Runs a row kernel as one differentiable op named `name` (a literal); see
// NOTE [ Fused row losses ].
template <typename Kernel>
absl::StatusOr<autograd::Variable> RunRowLoss(absl::string_view name,
                                              const Kernel& kernel,
                                              const autograd::Variable& y_pred,
                                              RowInputs inputs,
                                              RowWeights weights,
                                              Reduction reduction) {
  const int64_t rows = inputs.rows;
  const int64_t grain = RowGrain(inputs.cols);
  Tensor value;
  if (reduction == Reduction::kNone) {
    value = Tensor::Empty(inputs.per_sample_shape);
    float* out = value.mutable_data<float>();
    ParallelFor(rows, grain, [&](int64_t begin, int64_t end) {
      kernel.Forward(inputs, begin, end, out + begin);
      if (weights.data == nullptr) return;
      for (int64_t r = begin; r < end; ++r) out[r] *= weights.At(r);
    });
  } else {
    double total = 0;
    const int64_t chunks = NumChunks(rows, grain);
    if (chunks <= 1) {
      total = SumRows(kernel, inputs, weights, 0, rows);
    } else {
      std::vector<double> partial(chunks);
      ParallelFor(rows, grain, [&](int64_t begin, int64_t end) {
        partial[begin / grain] = SumRows(kernel, inputs, weights, begin, end);
      });
      for (double p : partial) total += p;
    }
    if (reduction != Reduction::kSum && rows > 0) total /= rows;
    value = Tensor::Scalar(static_cast<float>(total));
  }
  if (!autograd::ShouldRecord({y_pred})) {
    return autograd::Variable(std::move(value));
  }
  auto node = std::make_shared<RowLossNode<Kernel>>(
      name, y_pred, kernel, std::move(inputs), std::move(weights), reduction);
  return autograd::Variable::FromNode(std::move(value), std::move(node));
}

}  // namespace strata::losses::internal

#endif  // STRATA_LOSSES_INTERNAL_ROW_LOSS_H_
