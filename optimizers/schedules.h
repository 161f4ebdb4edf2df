// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_SCHEDULES_H_
#define STRATA_OPTIMIZERS_SCHEDULES_H_

// Learning-rate schedules, as tf.keras.optimizers.schedules: a schedule maps the optimizer's
// step (Optimizer::iterations() before the update, starting at 0) to the learning rate of that
// update. Schedules are immutable once created, so one may be shared by several optimizers
// (they are handed around as std::shared_ptr<const LearningRateSchedule>).
//
//   STRATA_ASSIGN_OR_RETURN(auto schedule, ExponentialDecay::Create({.initial_learning_rate = 0.1,
//                                                                     .decay_steps = 1000,
//                                                                     .decay_rate = 0.96,
//                                                                     .staircase = true}));
//   STRATA_ASSIGN_OR_RETURN(auto sgd, SGD::Create({.learning_rate_schedule = schedule}));
//   double lr = schedule->Value(2500);  // 0.1 * 0.96^2

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "layers/config.h"

namespace strata::optimizers {

// The interface of every schedule.
class LearningRateSchedule {
 public:
  virtual ~LearningRateSchedule() = default;
  // Keras's class name: "ExponentialDecay".
  virtual std::string class_name() const = 0;
  // The learning rate of the update made at optimizer step `step` (>= 0).
  virtual double Value(int64_t step) const = 0;
  // Keras's get_config(); FromConfig of the same class rebuilds an equal schedule.
  virtual ConfigDict GetConfig() const = 0;
};

// initial_learning_rate * decay_rate ^ (step / decay_steps); with staircase, the exponent is
// floor(step / decay_steps), so the rate drops every decay_steps steps.
struct ExponentialDecayOptions {
  double initial_learning_rate = 0.0;  // Required; finite, >= 0.
  int64_t decay_steps = 0;             // Required; > 0.
  double decay_rate = 0.0;             // Required; finite, >= 0.
  bool staircase = false;
  std::string name;  // Optional (Keras's None when empty).
};

class ExponentialDecay final : public LearningRateSchedule {
 public:
  // InvalidArgument naming the option for a value outside the ranges above.
  static absl::StatusOr<std::shared_ptr<const ExponentialDecay>> Create(
      ExponentialDecayOptions options);
  // From Keras's config keys: initial_learning_rate, decay_steps, decay_rate, staircase, name.
  static absl::StatusOr<std::shared_ptr<const ExponentialDecay>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "ExponentialDecay"; }
  double Value(int64_t step) const override;
  ConfigDict GetConfig() const override;
  const ExponentialDecayOptions& options() const { return options_; }

 private:
  explicit ExponentialDecay(ExponentialDecayOptions options) : options_(std::move(options)) {}
  ExponentialDecayOptions options_;
};

// values[0] while step <= boundaries[0], values[i] while boundaries[i-1] < step <=
// boundaries[i], and values.back() once step > boundaries.back().
struct PiecewiseConstantDecayOptions {
  std::vector<int64_t> boundaries;  // Strictly increasing, >= 0.
  std::vector<double> values;       // One more than boundaries; each finite and >= 0.
  std::string name;                 // Optional (Keras's None when empty).
};

class PiecewiseConstantDecay final : public LearningRateSchedule {
 public:
  // InvalidArgument if the sizes disagree, the boundaries do not increase or a value is bad.
  static absl::StatusOr<std::shared_ptr<const PiecewiseConstantDecay>> Create(
      PiecewiseConstantDecayOptions options);
  // From Keras's config keys: boundaries, values, name.
  static absl::StatusOr<std::shared_ptr<const PiecewiseConstantDecay>> FromConfig(
      const ConfigDict& config);

  std::string class_name() const override { return "PiecewiseConstantDecay"; }
  double Value(int64_t step) const override;
  ConfigDict GetConfig() const override;
  const PiecewiseConstantDecayOptions& options() const { return options_; }

 private:
  explicit PiecewiseConstantDecay(PiecewiseConstantDecayOptions options)
      : options_(std::move(options)) {}
  PiecewiseConstantDecayOptions options_;
};

// Builds a schedule from Keras's {"class_name": ..., "config": {...}} parts; NotFound for a
// class strata does not have.
absl::StatusOr<std::shared_ptr<const LearningRateSchedule>> ScheduleFromConfig(
    absl::string_view class_name, const ConfigDict& config);

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_SCHEDULES_H_
