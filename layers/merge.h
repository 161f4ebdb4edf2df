// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_LAYERS_MERGE_H_
#define STRATA_LAYERS_MERGE_H_

// The elementwise merge layers of Keras: Add, Subtract, Multiply, Average, Maximum, Minimum.
// They take a list of tensors of one shape (size-1 dimensions broadcast, as Keras allows) and
// combine them elementwise; Subtract takes exactly two. They are one family, one target: they
// differ only in the elementwise op that folds the inputs.
//
//   auto residual = Make<Add>({})({block_output, block_input});
//   auto mean = Make<Average>({})({y1, y2, y3});   // the seed's model ensemble

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "layers/layer.h"

namespace strata {

struct MergeOptions {
  std::string name;  // Empty: "add", "add_1", ... after the class.
};

// How a merge layer folds its inputs.
enum class MergeOp { kAdd, kSubtract, kMultiply, kAverage, kMaximum, kMinimum };

// The shared shape logic, config and computation of the merge layers.
class Merge : public Layer {
 public:
  absl::StatusOr<std::vector<PartialShape>> ComputeOutputShapes(
      absl::Span<const PartialShape> input_shapes) const override;
  MergeOp op() const { return op_; }

 protected:
  Merge(std::string name, absl::string_view class_name, MergeOp op)
      : Layer(name, class_name), op_(op) {}
  absl::StatusOr<std::vector<autograd::Variable>> Call(
      const std::vector<autograd::Variable>& inputs, const CallContext& context) const override;
  // Reads the base keys of a merge layer's config into `options`.
  static absl::Status ReadConfig(const ConfigDict& config, absl::string_view class_name,
                                 MergeOptions* options, bool* trainable);

 private:
  MergeOp op_;
};

// x1 + x2 + ...
class Add final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Add>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Add"; }

 private:
  explicit Add(std::string name) : Merge(std::move(name), "Add", MergeOp::kAdd) {}
};

// x1 - x2 (exactly two inputs).
class Subtract final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Subtract>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Subtract"; }

 private:
  explicit Subtract(std::string name) : Merge(std::move(name), "Subtract", MergeOp::kSubtract) {}
};

// x1 * x2 * ...
class Multiply final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Multiply>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Multiply"; }

 private:
  explicit Multiply(std::string name) : Merge(std::move(name), "Multiply", MergeOp::kMultiply) {}
};

// (x1 + x2 + ...) / n
class Average final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Average>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Average"; }

 private:
  explicit Average(std::string name) : Merge(std::move(name), "Average", MergeOp::kAverage) {}
};

// max(x1, x2, ...), elementwise.
class Maximum final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Maximum>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Maximum"; }

 private:
  explicit Maximum(std::string name) : Merge(std::move(name), "Maximum", MergeOp::kMaximum) {}
};

// min(x1, x2, ...), elementwise.
class Minimum final : public Merge {
 public:
  using Options = MergeOptions;
  static absl::StatusOr<std::shared_ptr<Minimum>> Create(MergeOptions options);
  static absl::StatusOr<std::shared_ptr<Layer>> FromConfig(const ConfigDict& config);
  std::string class_name() const override { return "Minimum"; }

 private:
  explicit Minimum(std::string name) : Merge(std::move(name), "Minimum", MergeOp::kMinimum) {}
};

}  // namespace strata

#endif  // STRATA_LAYERS_MERGE_H_
