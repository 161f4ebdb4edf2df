// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_OPTIMIZERS_BASE_OPTIMIZER_H_
#define STRATA_OPTIMIZERS_BASE_OPTIMIZER_H_

// Optimizer is the base of strata's gradient-descent optimizers, which follow tf.keras's
// optimizers of Keras 2.11+ (the former optimizer_experimental; not the legacy optimizer_v2):
// their defaults, update rules, slot names and get_config keys.
//
// Lifecycle: an optimizer is made by its class's Create (validating an options struct) or by
// Get/FromConfig (optimizers/optimizer.h). After each Backward(), ApplyGradients(variables)
// clips the gradients, applies weight decay and one update to every variable that has a
// gradient, then increments iterations(). Variables are matched by identity
// (Variable::IsSameAs); the first call that sees a variable creates its slots (Adam's "m" and
// "v", ...). GetSlots/SetSlots and set_iterations save and restore that state exactly. An
// optimizer is not thread-safe: one training loop drives it.
//
//   STRATA_ASSIGN_OR_RETURN(std::unique_ptr<Adam> adam, Adam::Create({.learning_rate = 3e-4,
//                                                                      .clipnorm = 1.0}));
//   for (autograd::Variable& w : weights) w.ZeroGrad();
//   STRATA_RETURN_IF_ERROR(loss.Backward());
//   STRATA_RETURN_IF_ERROR(adam->ApplyGradients(weights));

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "autograd/variable.h"
#include "layers/config.h"
#include "optimizers/schedules.h"
#include "tensor/tensor.h"

namespace strata::optimizers {

// The options every optimizer has (the arguments of Keras's base Optimizer). Each optimizer's
// options struct repeats these fields flat, so that `Adam::Create({.learning_rate = 1e-3,
// .clipnorm = 1.0})` reads as in Keras; this struct is how the base class receives them.
struct CommonOptions {
  double learning_rate = 0.001;  // Finite, >= 0; used when learning_rate_schedule is null.
  std::shared_ptr<const LearningRateSchedule> learning_rate_schedule;  // Overrides the above.
  std::optional<double> weight_decay;     // >= 0: each step, w -= w * weight_decay * lr first.
  std::optional<double> clipnorm;         // > 0: each gradient's L2 norm is clipped to this.
  std::optional<double> clipvalue;        // > 0: gradients are clipped to [-clipvalue, clipvalue].
  std::optional<double> global_clipnorm;  // > 0: the norm of all gradients together is clipped.
  std::string name;                       // Empty: the class name.
};

// Gradient clipping as the update kernels apply it to each gradient element, so clipping never
// materializes a clipped copy of a gradient: min(max(g * scale, lower), upper). The default is
// the identity, bitwise (NaN included). For optimizer implementations.
struct GradientClip {
  float scale = 1.0f;  // clipnorm or global_clipnorm: clip / norm when norm > clip.
  float lower = -std::numeric_limits<float>::infinity();  // -clipvalue.
  float upper = std::numeric_limits<float>::infinity();   // clipvalue.
  float operator()(float g) const { return std::min(std::max(g * scale, lower), upper); }
};

class Optimizer {
 public:
  // One slot tensor of one variable: `variable_index` is the variable's position in the order
  // the optimizer first saw the variables (the `variables` of SetSlots); `name` is Keras's slot
  // name ("m", "v", "vhat", "momentum", "velocity", "average_gradient", "accumulator").
  struct Slot {
    int variable_index = 0;
    std::string name;
    Tensor value;
  };

  virtual ~Optimizer();
  Optimizer(const Optimizer&) = delete;
  Optimizer& operator=(const Optimizer&) = delete;

  // Keras's class name: "SGD", "RMSprop", "Adam", "AdamW", "Adagrad".
  virtual std::string class_name() const = 0;
  // The `name` option ("Adam" by default).
  const std::string& name() const { return common_.name; }

  // Updates each variable from its grad(); variables whose grad() is undefined are left as
  // they are (but still get slots, as Keras builds slots for every variable it is given).
  // Order of work, as Keras: learning rate at iterations(); gradient clipping (clipnorm per
  // variable, global_clipnorm over all, or clipvalue); weight decay; the optimizer's update;
  // iterations() + 1. Grad tensors are never written. An empty list is a no-op. Errors, with
  // no variable changed: InvalidArgument for an undefined, non-leaf or non-float32 variable, a
  // variable listed twice or whose shape changed since the optimizer first saw it, or when no
  // variable has a gradient (Keras's "No gradients provided for any variable").
  absl::Status ApplyGradients(const std::vector<autograd::Variable>& variables);

  // The learning rate of the next update: the schedule evaluated at iterations(), or the
  // constant.
  double learning_rate() const;
  // The schedule, or null for a constant learning rate.
  const std::shared_ptr<const LearningRateSchedule>& learning_rate_schedule() const {
    return common_.learning_rate_schedule;
  }
  // Replaces the learning rate (or the schedule) with a constant, as ReduceLROnPlateau and
  // LearningRateScheduler do. InvalidArgument unless finite and >= 0.
  absl::Status set_learning_rate(double learning_rate);

  // The number of updates applied (Keras's `iterations`).
  int64_t iterations() const { return iterations_; }
  // For restoring a saved optimizer; InvalidArgument if negative.
  absl::Status set_iterations(int64_t iterations);

  // The slot names each variable gets, in the order GetSlots lists them: for example
  // {"m", "v"} for Adam, {} for SGD without momentum.
  std::vector<std::string> slot_names() const;
  // Copies of all slot tensors: for each variable in the order first seen, its slots in
  // slot_names() order.
  std::vector<Slot> GetSlots() const;
  // Replaces the optimizer's state with `slots` for `variables` (variable_index indexes
  // `variables`), which are then the variables seen so far, in that order. Each variable must
  // receive exactly one slot of each of slot_names(), shaped like its value. InvalidArgument
  // otherwise (a shape mismatch, an unknown, missing or repeated slot, an index out of range).
  // The tensors are copied. With set_iterations, this resumes training bitwise as if it had
  // never stopped.
  absl::Status SetSlots(const std::vector<autograd::Variable>& variables,
                        const std::vector<Slot>& slots);

  // Keras's get_config(): "name", "learning_rate" (a number, or {"class_name", "config"} for a
  // schedule), "weight_decay", "clipnorm", "global_clipnorm", "clipvalue", Keras's EMA and
  // jit_compile keys at their defaults, "is_legacy_optimizer": false, and each optimizer's own
  // keys. FromConfig of the same class rebuilds an equal optimizer (without its state).
  virtual ConfigDict GetConfig() const;

 protected:
  // A slot each variable gets, filled with `initial_value` when the variable is first seen.
  struct SlotSpec {
    std::string name;
    double initial_value = 0.0;
  };

  // What Update receives for one variable in one step.
  struct UpdateContext {
    int64_t step = 1;            // iterations() + 1: Keras's local_step (Adam's bias correction).
    double learning_rate = 0.0;  // The learning rate of this step.
    GradientClip clip;           // To apply to each gradient element before use.
  };

  // Update kernels split variables larger than this many elements into chunks run in parallel
  // (NOTE [ Deterministic parallelism ] in tensor/parallel.h; updates are elementwise, so the
  // result does not depend on the thread count).
  static constexpr int64_t kUpdateGrain = int64_t{1} << 16;
  static constexpr int kMaxSlots = 4;

  // `common` must have been validated (ValidateCommonOptions) and its name filled in.
  Optimizer(CommonOptions common, std::vector<SlotSpec> slot_specs);

  // Applies one update to `size` elements of a variable's `value` from `grad` (not yet
  // clipped), with `slots` pointing at its slot tensors in slot_specs order.
  virtual void Update(const UpdateContext& context, float* value, const float* grad,
                      float* const* slots, int64_t size) = 0;

  // For implementations' Create: InvalidArgument naming the option unless the common options
  // are valid (learning rate >= 0; weight decay >= 0; clip values > 0, at most one set).
  static absl::Status ValidateCommonOptions(absl::string_view class_name,
                                            const CommonOptions& common);
  // InvalidArgument "<class_name> option '<option>': expected a value in [lo, hi) ...".
  static absl::Status CheckInRange(absl::string_view class_name, absl::string_view option,
                                   double value, double lo, double hi, bool hi_inclusive);
  // Reads the common keys of a Keras optimizer config into `common` (whose fields hold the
  // defaults). Accepts Keras's EMA/jit keys at their defaults and a legacy "decay" of 0.
  static absl::Status ReadCommonConfig(const ConfigDict& config, ConfigReader& reader,
                                       CommonOptions& common);

  // Moves the common fields between an optimizer's options struct and CommonOptions.
  template <typename Options>
  static CommonOptions CommonOptionsOf(const Options& options) {
    return CommonOptions{.learning_rate = options.learning_rate,
                         .learning_rate_schedule = options.learning_rate_schedule,
                         .weight_decay = options.weight_decay,
                         .clipnorm = options.clipnorm,
                         .clipvalue = options.clipvalue,
                         .global_clipnorm = options.global_clipnorm,
                         .name = options.name};
  }
  template <typename Options>
  static void SetCommonOptions(CommonOptions common, Options& options) {
    options.learning_rate = common.learning_rate;
    options.learning_rate_schedule = std::move(common.learning_rate_schedule);
    options.weight_decay = common.weight_decay;
    options.clipnorm = common.clipnorm;
    options.clipvalue = common.clipvalue;
    options.global_clipnorm = common.global_clipnorm;
    options.name = std::move(common.name);
  }

 private:
  struct VariableState {
    autograd::Variable variable;
    std::vector<Tensor> slots;  // In slot_specs_ order, shaped like the variable.
  };

  // Fills state_index_[i] with the state of variables[i], registering new variables (after
  // every check has passed, so an error changes nothing).
  absl::Status ResolveStates(const std::vector<autograd::Variable>& variables);
  VariableState NewState(const autograd::Variable& variable) const;
  // Per-variable gradient scales for clipnorm/global_clipnorm, into clip_scale_.
  void ComputeClipScales(const std::vector<autograd::Variable>& variables);
  // sum(x^2) in double, in fixed chunks (bitwise the same for any thread count).
  double SumOfSquares(const float* x, int64_t size);
  absl::Status Error(absl::string_view what) const;

  CommonOptions common_;
  std::vector<SlotSpec> slot_specs_;
  int64_t iterations_ = 0;
  std::vector<VariableState> states_;  // In the order first seen.

  // Scratch reused by every step, so steps after the first do not allocate.
  std::vector<int> state_index_;       // The state of each argument of ApplyGradients.
  std::vector<float> clip_scale_;      // Gradient scale of each argument.
  std::vector<double> norm_partials_;  // Per-chunk sums of squares.
};

}  // namespace strata::optimizers

#endif  // STRATA_OPTIMIZERS_BASE_OPTIMIZER_H_
