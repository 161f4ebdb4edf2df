// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "optimizers/base_optimizer.h"

#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "base/check.h"
#include "base/status_macros.h"
#include "tensor/parallel.h"

namespace strata::optimizers {
namespace {

using autograd::Variable;
using google::protobuf::Value;

// Chunk size of the gradient-norm reduction; a multiple of the 8 lanes of SumOfSquaresRange.
constexpr int64_t kNormGrain = int64_t{1} << 16;

double SumOfSquaresRange(const float* x, int64_t begin, int64_t end) {
  // Eight independent double accumulators let the compiler vectorize without reassociating
  // (no -ffast-math); the final combination order is fixed.
  double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
  int64_t i = begin;
  for (; i + 8 <= end; i += 8) {
    for (int k = 0; k < 8; ++k) {
      const double v = x[i + k];
      lanes[k] += v * v;
    }
  }
  double tail = 0;
  for (; i < end; ++i) tail += static_cast<double>(x[i]) * x[i];
  return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) +
         ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7])) + tail;
}

// Weight decay as Keras's _apply_weight_decay: w -= w * (weight_decay * lr). A pass of its own
// (rather than a term in every update kernel) keeps the kernels free of it when it is off.
void DecayWeights(float* w, int64_t size, float factor, int64_t grain) {
  ParallelFor(size, grain, [&](int64_t begin, int64_t end) {
    for (int64_t i = begin; i < end; ++i) w[i] -= w[i] * factor;
  });
}

std::string Describe(const std::optional<double>& value) {
  return value.has_value() ? absl::StrCat(*value) : "none";
}

// An optional number: absent or null is nullopt.
absl::StatusOr<std::optional<double>> ReadOptionalFloat(const ConfigDict& config,
                                                        ConfigReader& reader,
                                                        absl::string_view key) {
  auto it = config.fields().find(std::string(key));
  if (it == config.fields().end() || it->second.kind_case() == Value::kNullValue) {
    reader.Ignore(key);
    return std::optional<double>();
  }
  STRATA_ASSIGN_OR_RETURN(double value, reader.GetFloat(key));
  return std::optional<double>(value);
}

void WriteOptionalFloat(ConfigWriter& writer, absl::string_view key,
                        const std::optional<double>& value) {
  if (value.has_value()) {
    writer.SetFloat(key, *value);
  } else {
    writer.SetNull(key);
  }
}

}  // namespace

Optimizer::Optimizer(CommonOptions common, std::vector<SlotSpec> slot_specs)
    : common_(std::move(common)), slot_specs_(std::move(slot_specs)) {
  STRATA_CHECK(slot_specs_.size() <= kMaxSlots) << slot_specs_.size() << " slots";
}

Optimizer::~Optimizer() = default;

absl::Status Optimizer::Error(absl::string_view what) const {
  return absl::InvalidArgumentError(absl::StrCat(class_name(), " '", name(), "': ", what));
}

double Optimizer::learning_rate() const {
  if (common_.learning_rate_schedule != nullptr) {
    return common_.learning_rate_schedule->Value(iterations_);
  }
  return common_.learning_rate;
}

absl::Status Optimizer::set_learning_rate(double learning_rate) {
  if (!std::isfinite(learning_rate) || learning_rate < 0) {
    return Error(absl::StrCat("expected a learning rate that is finite and >= 0; received ",
                              learning_rate, "."));
  }
  common_.learning_rate = learning_rate;
  common_.learning_rate_schedule = nullptr;
  return absl::OkStatus();
}

absl::Status Optimizer::set_iterations(int64_t iterations) {
  if (iterations < 0) {
    return Error(absl::StrCat("expected iterations >= 0; received ", iterations, "."));
  }
  iterations_ = iterations;
  return absl::OkStatus();
}

std::vector<std::string> Optimizer::slot_names() const {
  std::vector<std::string> names;
  for (const SlotSpec& spec : slot_specs_) names.push_back(spec.name);
  return names;
}

Optimizer::VariableState Optimizer::NewState(const Variable& variable) const {
  VariableState state{.variable = variable};
  for (const SlotSpec& spec : slot_specs_) {
    state.slots.push_back(Tensor::Full(variable.shape(), spec.initial_value));
  }
  return state;
}

absl::Status Optimizer::ResolveStates(const std::vector<Variable>& variables) {
  const size_t n = variables.size();
  state_index_.resize(n);
  // The usual case: the same variables in the same order as before. Registered variables are
  // distinct, so this also proves there are no duplicates.
  bool same_order = n <= states_.size();
  for (size_t i = 0; same_order && i < n; ++i) {
    same_order = variables[i].IsSameAs(states_[i].variable);
    state_index_[i] = static_cast<int>(i);
  }
  if (!same_order) {
    // -1 for variables not seen yet; they are registered below, after every check.
    int next_new = static_cast<int>(states_.size());
    for (size_t i = 0; i < n; ++i) {
      int found = -1;
      for (size_t s = 0; s < states_.size() && found < 0; ++s) {
        if (variables[i].IsSameAs(states_[s].variable)) found = static_cast<int>(s);
      }
      for (size_t j = 0; j < i; ++j) {
        if (variables[j].IsSameAs(variables[i])) {
          return Error(
              absl::StrCat("expected distinct variables; received the same variable "
                           "at positions ",
                           j, " and ", i, "."));
        }
      }
      state_index_[i] = found >= 0 ? found : next_new++;
    }
  }
  for (size_t i = 0; i < n; ++i) {
    const int s = state_index_[i];
    if (s < static_cast<int>(states_.size()) && !states_[s].slots.empty() &&
        states_[s].slots[0].shape() != variables[i].shape()) {
      return Error(absl::StrCat("expected variable ", i, " to keep the shape ",
                                states_[s].slots[0].shape().ToString(),
                                " it had when the optimizer first saw it; received ",
                                variables[i].shape().ToString(), "."));
    }
  }
  for (size_t i = 0; i < n; ++i) {
    if (state_index_[i] == static_cast<int>(states_.size())) {
      states_.push_back(NewState(variables[i]));
    }
  }
  return absl::OkStatus();
}

double Optimizer::SumOfSquares(const float* x, int64_t size) {
  const int64_t chunks = NumChunks(size, kNormGrain);
  if (chunks <= 1) return SumOfSquaresRange(x, 0, size);
  norm_partials_.assign(chunks, 0.0);
  ParallelFor(size, kNormGrain, [&](int64_t begin, int64_t end) {
    norm_partials_[begin / kNormGrain] = SumOfSquaresRange(x, begin, end);
  });
  double sum = 0;
  for (double partial : norm_partials_) sum += partial;
  return sum;
}

void Optimizer::ComputeClipScales(const std::vector<Variable>& variables) {
  const size_t n = variables.size();
  clip_scale_.assign(n, 1.0f);
  // Keras's tf.clip_by_norm / clip_by_global_norm multiply by clip / max(norm, clip), which
  // may be 1 - ulp when nothing needs clipping; strata leaves such gradients exactly as they
  // are and scales only when the norm exceeds the limit.
  if (common_.clipnorm.has_value()) {
    for (size_t i = 0; i < n; ++i) {
      const Tensor& g = variables[i].grad();
      if (!g.defined()) continue;
      const double norm = std::sqrt(SumOfSquares(g.data<float>(), g.num_elements()));
      if (norm > *common_.clipnorm) clip_scale_[i] = static_cast<float>(*common_.clipnorm / norm);
    }
  } else if (common_.global_clipnorm.has_value()) {
    double sum = 0;
    for (size_t i = 0; i < n; ++i) {
      const Tensor& g = variables[i].grad();
      if (g.defined()) sum += SumOfSquares(g.data<float>(), g.num_elements());
    }
    const double norm = std::sqrt(sum);
    if (norm > *common_.global_clipnorm) {
      clip_scale_.assign(n, static_cast<float>(*common_.global_clipnorm / norm));
    }
  }
}

absl::Status Optimizer::ApplyGradients(const std::vector<Variable>& variables) {
  if (variables.empty()) return absl::OkStatus();  // As Keras: nothing to do, no step counted.
  bool any_gradient = false;
  for (size_t i = 0; i < variables.size(); ++i) {
    const Variable& v = variables[i];
    if (!v.defined() || !v.is_leaf() || v.dtype() != DType::kFloat32) {
      return Error(absl::StrCat("expected leaf float32 variables; received ",
                                !v.defined() ? "an undefined variable"
                                : !v.is_leaf()
                                    ? "a non-leaf variable"
                                    : absl::StrCat("a ", DTypeName(v.dtype()), " variable"),
                                " at position ", i, "."));
    }
    const Tensor& g = v.grad();
    if (!g.defined()) continue;
    any_gradient = true;
    if (g.dtype() != DType::kFloat32 || g.shape() != v.shape()) {
      return Error(absl::StrCat("expected the gradient of variable ", i, " to be float32 of shape ",
                                v.shape().ToString(), "; received ", DTypeName(g.dtype()),
                                " of shape ", g.shape().ToString(), "."));
    }
  }
  if (!any_gradient) {
    return Error(absl::StrCat("expected a gradient for at least one of the ", variables.size(),
                              " variables; received none. Call Backward() on the loss first, "
                              "and check that the loss depends on the variables."));
  }
  STRATA_RETURN_IF_ERROR(ResolveStates(variables));
  ComputeClipScales(variables);

  UpdateContext context;
  context.step = iterations_ + 1;
  context.learning_rate = learning_rate();
  if (common_.clipvalue.has_value()) {
    context.clip.lower = static_cast<float>(-*common_.clipvalue);
    context.clip.upper = static_cast<float>(*common_.clipvalue);
  }
  const float decay = common_.weight_decay.has_value()
                          ? static_cast<float>(*common_.weight_decay * context.learning_rate)
                          : 0.0f;
  std::array<float*, kMaxSlots> slots{};
  for (size_t i = 0; i < variables.size(); ++i) {
    const Tensor& g = variables[i].grad();
    if (!g.defined()) continue;
    VariableState& state = states_[state_index_[i]];
    Tensor& value = state.variable.mutable_value();
    float* w = value.mutable_data<float>();
    const int64_t size = value.num_elements();
    // Keras decays every variable that has a gradient, before its update.
    if (common_.weight_decay.has_value()) DecayWeights(w, size, decay, kUpdateGrain);
    for (size_t s = 0; s < state.slots.size(); ++s) slots[s] = state.slots[s].mutable_data<float>();
    context.clip.scale = clip_scale_[i];
    Update(context, w, g.data<float>(), slots.data(), size);
  }
  ++iterations_;
  return absl::OkStatus();
}

std::vector<Optimizer::Slot> Optimizer::GetSlots() const {
  std::vector<Slot> out;
  for (size_t v = 0; v < states_.size(); ++v) {
    for (size_t s = 0; s < slot_specs_.size(); ++s) {
      out.push_back(Slot{.variable_index = static_cast<int>(v),
                         .name = slot_specs_[s].name,
                         .value = states_[v].slots[s].Clone()});
    }
  }
  return out;
}

absl::Status Optimizer::SetSlots(const std::vector<Variable>& variables,
                                 const std::vector<Slot>& slots) {
  const size_t n = variables.size();
  const size_t per_variable = slot_specs_.size();
  for (size_t i = 0; i < n; ++i) {
    if (!variables[i].defined() || variables[i].dtype() != DType::kFloat32) {
      return Error(absl::StrCat(
          "SetSlots: expected defined float32 variables; received ",
          variables[i].defined() ? DTypeName(variables[i].dtype()) : "an undefined one",
          " at position ", i, "."));
    }
    for (size_t j = 0; j < i; ++j) {
      if (variables[j].IsSameAs(variables[i])) {
        return Error(
            absl::StrCat("SetSlots: expected distinct variables; received the same "
                         "variable at positions ",
                         j, " and ", i, "."));
      }
    }
  }
  std::vector<const Tensor*> table(n * per_variable, nullptr);
  for (const Slot& slot : slots) {
    if (slot.variable_index < 0 || static_cast<size_t>(slot.variable_index) >= n) {
      return Error(absl::StrCat("SetSlots: expected variable_index in [0, ", n, "); received ",
                                slot.variable_index, "."));
    }
    size_t s = 0;
    while (s < per_variable && slot_specs_[s].name != slot.name) ++s;
    if (s == per_variable) {
      return Error(absl::StrCat("SetSlots: expected a slot named '",
                                absl::StrJoin(slot_names(), "', '"), "'; received '", slot.name,
                                "'."));
    }
    const Variable& variable = variables[slot.variable_index];
    if (!slot.value.defined() || slot.value.dtype() != DType::kFloat32 ||
        slot.value.shape() != variable.shape()) {
      return Error(absl::StrCat(
          "SetSlots: expected slot '", slot.name, "' of variable ", slot.variable_index,
          " to be float32 of shape ", variable.shape().ToString(), "; received ",
          slot.value.defined() ? absl::StrCat(DTypeName(slot.value.dtype()), " of shape ",
                                              slot.value.shape().ToString())
                               : "an undefined tensor",
          "."));
    }
    const Tensor*& entry = table[slot.variable_index * per_variable + s];
    if (entry != nullptr) {
      return Error(absl::StrCat("SetSlots: expected one slot '", slot.name, "' for variable ",
                                slot.variable_index, "; received two."));
    }
    entry = &slot.value;
  }
  for (size_t i = 0; i < table.size(); ++i) {
    if (table[i] == nullptr) {
      return Error(absl::StrCat("SetSlots: expected slot '", slot_specs_[i % per_variable].name,
                                "' for variable ", i / per_variable, "; received none."));
    }
  }
  std::vector<VariableState> states(n);
  for (size_t i = 0; i < n; ++i) {
    states[i].variable = variables[i];
    for (size_t s = 0; s < per_variable; ++s) {
      states[i].slots.push_back(table[i * per_variable + s]->Clone());
    }
  }
  states_ = std::move(states);
  return absl::OkStatus();
}

absl::Status Optimizer::CheckInRange(absl::string_view class_name, absl::string_view option,
                                     double value, double lo, double hi, bool hi_inclusive) {
  const bool ok = value >= lo && (hi_inclusive ? value <= hi : value < hi);  // False for NaN.
  if (ok) return absl::OkStatus();
  return absl::InvalidArgumentError(
      absl::StrCat(class_name, " option '", option, "': expected a value in [", lo, ", ", hi,
                   hi_inclusive ? "]" : ")", "; received ", value, "."));
}

absl::Status Optimizer::ValidateCommonOptions(absl::string_view class_name,
                                              const CommonOptions& common) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  if (common.learning_rate_schedule == nullptr) {
    STRATA_RETURN_IF_ERROR(
        CheckInRange(class_name, "learning_rate", common.learning_rate, 0, kInf, false));
  }
  if (common.weight_decay.has_value()) {
    STRATA_RETURN_IF_ERROR(
        CheckInRange(class_name, "weight_decay", *common.weight_decay, 0, kInf, false));
  }
  const std::pair<const char*, const std::optional<double>*> clips[] = {
      {"clipnorm", &common.clipnorm},
      {"clipvalue", &common.clipvalue},
      {"global_clipnorm", &common.global_clipnorm}};
  int num_clips = 0;
  for (const auto& [option, value] : clips) {
    if (!value->has_value()) continue;
    ++num_clips;
    if (!(**value > 0) || std::isinf(**value)) {
      return absl::InvalidArgumentError(absl::StrCat(class_name, " option '", option,
                                                     "': expected a finite value > 0 or none; "
                                                     "received ",
                                                     **value, "."));
    }
  }
  // Keras 2.11+ applies only the first of clipnorm, global_clipnorm, clipvalue and silently
  // ignores the others (Keras 3 rejects the combination); strata rejects it too.
  if (num_clips > 1) {
    return absl::InvalidArgumentError(
        absl::StrCat(class_name,
                     " options: expected at most one of clipnorm, clipvalue and global_clipnorm; "
                     "received clipnorm=",
                     Describe(common.clipnorm), ", clipvalue=", Describe(common.clipvalue),
                     ", global_clipnorm=", Describe(common.global_clipnorm), "."));
  }
  return absl::OkStatus();
}

absl::Status Optimizer::ReadCommonConfig(const ConfigDict& config, ConfigReader& reader,
                                         CommonOptions& common) {
  STRATA_ASSIGN_OR_RETURN(common.name, reader.GetString("name", common.name));
  auto lr = config.fields().find("learning_rate");
  if (lr != config.fields().end() && lr->second.kind_case() == Value::kStructValue) {
    STRATA_ASSIGN_OR_RETURN(auto class_and_config, reader.GetClassAndConfig("learning_rate"));
    STRATA_ASSIGN_OR_RETURN(common.learning_rate_schedule,
                            ScheduleFromConfig(class_and_config.first, class_and_config.second));
  } else {
    STRATA_ASSIGN_OR_RETURN(common.learning_rate,
                            reader.GetFloat("learning_rate", common.learning_rate));
  }
  STRATA_ASSIGN_OR_RETURN(std::optional<double> weight_decay,
                          ReadOptionalFloat(config, reader, "weight_decay"));
  // Absent keeps the default; null means none (which AdamW's Create refuses, as Keras does).
  if (weight_decay.has_value() || config.fields().contains("weight_decay")) {
    common.weight_decay = weight_decay;
  }
  STRATA_ASSIGN_OR_RETURN(common.clipnorm, ReadOptionalFloat(config, reader, "clipnorm"));
  STRATA_ASSIGN_OR_RETURN(common.clipvalue, ReadOptionalFloat(config, reader, "clipvalue"));
  STRATA_ASSIGN_OR_RETURN(common.global_clipnorm,
                          ReadOptionalFloat(config, reader, "global_clipnorm"));
  // Exponential moving averages of the weights are not implemented; a config that uses them
  // would train differently, so it is refused rather than ignored.
  STRATA_ASSIGN_OR_RETURN(bool use_ema, reader.GetBool("use_ema", false));
  if (use_ema) {
    return absl::UnimplementedError(
        "Optimizer config key 'use_ema': expected false (strata has no weight EMA); received "
        "true.");
  }
  reader.Ignore("ema_momentum");             // Meaningful only with use_ema.
  reader.Ignore("ema_overwrite_frequency");  // Meaningful only with use_ema.
  reader.Ignore("jit_compile");              // XLA; no effect on the numbers.
  reader.Ignore("is_legacy_optimizer");      // strata always uses the 2.11+ update rules.
  // Legacy optimizer_v2 configs carry "decay" (inverse-time decay of the learning rate), 0.0
  // unless set.
  STRATA_ASSIGN_OR_RETURN(double decay, reader.GetFloat("decay", 0.0));
  if (decay != 0.0) {
    return absl::UnimplementedError(absl::StrCat(
        "Optimizer config key 'decay': expected 0 (the legacy per-step decay is not supported; "
        "use a learning-rate schedule); received ",
        decay, "."));
  }
  return absl::OkStatus();
}

ConfigDict Optimizer::GetConfig() const {
  ConfigDict config;
  ConfigWriter writer(&config);
  writer.SetString("name", common_.name);
  if (common_.learning_rate_schedule != nullptr) {
    writer.SetClassAndConfig("learning_rate", common_.learning_rate_schedule->class_name(),
                             common_.learning_rate_schedule->GetConfig());
  } else {
    writer.SetFloat("learning_rate", common_.learning_rate);
  }
  WriteOptionalFloat(writer, "weight_decay", common_.weight_decay);
  WriteOptionalFloat(writer, "clipnorm", common_.clipnorm);
  WriteOptionalFloat(writer, "global_clipnorm", common_.global_clipnorm);
  WriteOptionalFloat(writer, "clipvalue", common_.clipvalue);
  writer.SetBool("use_ema", false);
  writer.SetFloat("ema_momentum", 0.99);
  writer.SetNull("ema_overwrite_frequency");
  writer.SetBool("jit_compile", false);
  writer.SetBool("is_legacy_optimizer", false);
  return config;
}

}  // namespace strata::optimizers
