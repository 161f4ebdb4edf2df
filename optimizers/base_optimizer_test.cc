// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// The base class's behaviour (clipping, identity, slots, iterations, learning rate), through
// SGD and Adam.
#include "optimizers/base_optimizer.h"

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <new>
#include <vector>

#include "base/testing/status_matchers.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "optimizers/adam.h"
#include "optimizers/internal/test_util.h"
#include "optimizers/schedules.h"
#include "optimizers/sgd.h"
#include "tensor/parallel.h"

// Counts heap allocations while g_count_allocations is set, for the no-allocation test. Not
// inlined, so that g++ does not pair gtest's `new` with the `free` below and warn.
std::atomic<bool> g_count_allocations{false};
std::atomic<int64_t> g_allocations{0};

[[gnu::noinline]] void* operator new(size_t size) {
  if (g_count_allocations.load(std::memory_order_relaxed)) g_allocations.fetch_add(1);
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
[[gnu::noinline]] void operator delete(void* p) noexcept { std::free(p); }
[[gnu::noinline]] void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace strata::optimizers {
namespace {

using ::strata::optimizers::testing::ExpectNear;
using ::strata::optimizers::testing::MakeVariable;
using ::strata::optimizers::testing::SetGradient;
using ::strata::optimizers::testing::Values;
using ::strata::testing::StatusIs;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

// SGD at learning rate 1 subtracts the clipped gradient, which makes clipping visible.
TEST(OptimizerTest, ClipnormClipsEachGradientToItsNorm) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 1.0, .clipnorm = 1.0}));
  autograd::Variable a = MakeVariable({0.0, 0.0});
  autograd::Variable b = MakeVariable({0.0, 0.0});
  SetGradient(a, {3.0, 4.0});  // Norm 5: scaled by 1/5.
  SetGradient(b, {0.3, 0.4});  // Norm 0.5: left exactly as it is.
  STRATA_ASSERT_OK(sgd->ApplyGradients({a, b}));
  ExpectNear(Values(a), {-0.6, -0.8});
  EXPECT_THAT(a.value().ToVector<float>(), ElementsAre(-0.6f, -0.8f));
  EXPECT_THAT(b.value().ToVector<float>(), ElementsAre(-0.3f, -0.4f));
  // The gradients themselves are not written.
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(3.0f, 4.0f));
}

TEST(OptimizerTest, GlobalClipnormScalesAllGradientsTogether) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd,
                              SGD::Create({.learning_rate = 1.0, .global_clipnorm = 6.5}));
  autograd::Variable a = MakeVariable({0.0, 0.0});
  autograd::Variable b = MakeVariable({0.0, 0.0});
  SetGradient(a, {3.0, 4.0});
  SetGradient(b, {0.0, 12.0});  // Global norm sqrt(9 + 16 + 144) = 13: scaled by 1/2.
  STRATA_ASSERT_OK(sgd->ApplyGradients({a, b}));
  ExpectNear(Values(a), {-1.5, -2.0});
  ExpectNear(Values(b), {0.0, -6.0});
  EXPECT_THAT(b.grad().ToVector<float>(), ElementsAre(0.0f, 12.0f));
}

TEST(OptimizerTest, ClipvalueClipsEachElement) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate = 1.0, .clipvalue = 1.0}));
  autograd::Variable a = MakeVariable({0.0, 0.0, 0.0});
  SetGradient(a, {-3.0, 0.5, 2.0});
  STRATA_ASSERT_OK(sgd->ApplyGradients({a}));
  EXPECT_THAT(a.value().ToVector<float>(), ElementsAre(1.0f, -0.5f, -1.0f));
  EXPECT_THAT(a.grad().ToVector<float>(), ElementsAre(-3.0f, 0.5f, 2.0f));
}

// Clipping happens before the optimizer's update: Adam sees the clipped gradient.
TEST(OptimizerTest, AdamSeesClippedGradients) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.learning_rate = 0.1, .clipnorm = 1.0}));
  autograd::Variable a = MakeVariable({0.0, 0.0});
  SetGradient(a, {3.0, 4.0});
  STRATA_ASSERT_OK(adam->ApplyGradients({a}));
  std::vector<Optimizer::Slot> slots = adam->GetSlots();
  ASSERT_EQ(slots.size(), 2u);
  ExpectNear(Values(slots[0].value), {0.1 * 0.6, 0.1 * 0.8});              // m
  ExpectNear(Values(slots[1].value), {0.001 * 0.36, 0.001 * 0.64}, 1e-5);  // v
}

TEST(OptimizerTest, VariablesWithoutGradientAreUntouchedButGetSlots) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.learning_rate = 0.1}));
  autograd::Variable a = MakeVariable({1.0, 2.0});
  autograd::Variable frozen = MakeVariable({3.0, 4.0, 5.0});
  SetGradient(a, {1.0, -1.0});
  STRATA_ASSERT_OK(adam->ApplyGradients({a, frozen}));
  ExpectNear(Values(a), {0.9, 2.1});
  EXPECT_THAT(Values(frozen), ElementsAre(3.0, 4.0, 5.0));
  EXPECT_EQ(adam->iterations(), 1);
  std::vector<Optimizer::Slot> slots = adam->GetSlots();
  ASSERT_EQ(slots.size(), 4u);
  EXPECT_EQ(slots[2].variable_index, 1);
  EXPECT_EQ(slots[2].name, "m");
  EXPECT_THAT(slots[3].value.ToVector<float>(), ElementsAre(0, 0, 0));
}

TEST(OptimizerTest, EmptyListIsANoOp) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create());
  STRATA_ASSERT_OK(adam->ApplyGradients({}));
  EXPECT_EQ(adam->iterations(), 0);
}

TEST(OptimizerTest, RejectsBadVariableLists) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create());
  autograd::Variable a = MakeVariable({1.0, 2.0});
  EXPECT_THAT(adam->ApplyGradients({a}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("Adam 'Adam': expected a gradient for at least one of the 1 "
                                 "variables; received none.")));
  SetGradient(a, {1.0, 1.0});
  EXPECT_THAT(adam->ApplyGradients({a, a}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected distinct variables; received the same variable at "
                                 "positions 0 and 1.")));
  autograd::Variable ints(Tensor::Zeros({2}, DType::kInt32));
  EXPECT_THAT(adam->ApplyGradients({a, ints}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected leaf float32 variables; received a int32 variable at "
                                 "position 1.")));
  EXPECT_THAT(adam->ApplyGradients({a, autograd::Variable()}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received an undefined")));
  // Nothing was applied by the failed calls.
  EXPECT_EQ(adam->iterations(), 0);
  EXPECT_THAT(Values(a), ElementsAre(1.0, 2.0));
  EXPECT_TRUE(adam->GetSlots().empty());
}

TEST(OptimizerTest, RejectsAVariableWhoseShapeChanged) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create());
  autograd::Variable a = MakeVariable({1.0, 2.0});
  SetGradient(a, {1.0, 1.0});
  STRATA_ASSERT_OK(adam->ApplyGradients({a}));
  a.ZeroGrad();
  a.mutable_value() = Tensor::Zeros({3});
  SetGradient(a, {1.0, 1.0, 1.0});
  EXPECT_THAT(adam->ApplyGradients({a}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected variable 0 to keep the shape (2,) it had when the "
                                 "optimizer first saw it; received (3,).")));
}

// Variables are matched by identity, not by position.
TEST(OptimizerTest, MatchesVariablesByIdentity) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto in_order, Adam::Create({.learning_rate = 0.1}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto reordered, Adam::Create({.learning_rate = 0.1}));
  autograd::Variable a1 = MakeVariable({1.0}), b1 = MakeVariable({2.0, 3.0});
  autograd::Variable a2 = MakeVariable({1.0}), b2 = MakeVariable({2.0, 3.0});
  const std::vector<std::vector<double>> ga = {{1.0}, {-2.0}, {0.5}};
  const std::vector<std::vector<double>> gb = {{0.5, 1.0}, {2.0, -1.0}, {0.25, 3.0}};
  for (int step = 0; step < 3; ++step) {
    SetGradient(a1, ga[step]);
    SetGradient(b1, gb[step]);
    SetGradient(a2, ga[step]);
    SetGradient(b2, gb[step]);
    STRATA_ASSERT_OK(in_order->ApplyGradients({a1, b1}));
    if (step == 1) {
      STRATA_ASSERT_OK(reordered->ApplyGradients({b2, a2}));
    } else {
      STRATA_ASSERT_OK(reordered->ApplyGradients({a2, b2}));
    }
  }
  EXPECT_TRUE(Equal(a1.value(), a2.value()));
  EXPECT_TRUE(Equal(b1.value(), b2.value()));
}

// Saving the slots and iterations mid-training and restoring them into a new optimizer (with a
// schedule, so iterations matter) continues bitwise as the uninterrupted optimizer does.
TEST(OptimizerTest, SlotsRoundTripResumesBitwise) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule, ExponentialDecay::Create(
                         {.initial_learning_rate = 0.1, .decay_steps = 1, .decay_rate = 0.7}));
  const AdamOptions options = {.learning_rate_schedule = schedule, .amsgrad = true};
  STRATA_ASSERT_OK_AND_ASSIGN(auto original, Adam::Create(options));
  autograd::Variable a = MakeVariable({1.0, -2.0, 3.0});
  autograd::Variable b = MakeVariable({0.5});
  const std::vector<std::vector<double>> ga = {{1.0, 2.0, -3.0}, {0.5, 0.25, 1.0}, {-1, 1, 2}};
  const std::vector<std::vector<double>> gb = {{2.0}, {-0.5}, {0.125}};
  for (int step = 0; step < 2; ++step) {
    SetGradient(a, ga[step]);
    SetGradient(b, gb[step]);
    STRATA_ASSERT_OK(original->ApplyGradients({a, b}));
  }
  std::vector<Optimizer::Slot> saved = original->GetSlots();
  ASSERT_EQ(saved.size(), 6u);

  STRATA_ASSERT_OK_AND_ASSIGN(auto restored, Adam::Create(options));
  autograd::Variable a2(a.value().Clone(), true), b2(b.value().Clone(), true);
  STRATA_ASSERT_OK(restored->SetSlots({a2, b2}, saved));
  STRATA_ASSERT_OK(restored->set_iterations(original->iterations()));
  EXPECT_EQ(restored->learning_rate(), original->learning_rate());

  for (autograd::Variable* v : {&a, &a2}) SetGradient(*v, ga[2]);
  for (autograd::Variable* v : {&b, &b2}) SetGradient(*v, gb[2]);
  STRATA_ASSERT_OK(original->ApplyGradients({a, b}));
  STRATA_ASSERT_OK(restored->ApplyGradients({a2, b2}));
  EXPECT_TRUE(Equal(a.value(), a2.value())) << a.value() << " vs " << a2.value();
  EXPECT_TRUE(Equal(b.value(), b2.value()));
  std::vector<Optimizer::Slot> after = original->GetSlots(), after2 = restored->GetSlots();
  ASSERT_EQ(after.size(), after2.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_TRUE(Equal(after[i].value, after2[i].value)) << after[i].name;
  }
  // The restored optimizer copied the tensors: the saved ones did not move.
  EXPECT_FALSE(Equal(saved[0].value, after2[0].value));
}

TEST(OptimizerTest, SetSlotsRejectsMismatches) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create());
  autograd::Variable a = MakeVariable({1.0, 2.0});
  std::vector<Optimizer::Slot> slots = {{0, "m", Tensor::Zeros({2})}, {0, "v", Tensor::Zeros({2})}};
  STRATA_EXPECT_OK(adam->SetSlots({a}, slots));

  std::vector<Optimizer::Slot> bad_shape = slots;
  bad_shape[1].value = Tensor::Zeros({3});
  EXPECT_THAT(adam->SetSlots({a}, bad_shape),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("SetSlots: expected slot 'v' of variable 0 to be float32 of "
                                 "shape (2,); received float32 of shape (3,).")));
  std::vector<Optimizer::Slot> unknown = slots;
  unknown[1].name = "velocity";
  EXPECT_THAT(adam->SetSlots({a}, unknown),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected a slot named 'm', 'v'; received 'velocity'.")));
  EXPECT_THAT(adam->SetSlots({a}, {slots[0]}),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected slot 'v' for variable 0; received none.")));
  EXPECT_THAT(adam->SetSlots({a}, {slots[0], slots[1], slots[1]}),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received two.")));
  std::vector<Optimizer::Slot> out_of_range = slots;
  out_of_range[0].variable_index = 1;
  EXPECT_THAT(adam->SetSlots({a}, out_of_range),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("expected variable_index in [0, 1); received 1.")));
}

TEST(OptimizerTest, LearningRateAndIterations) {
  STRATA_ASSERT_OK_AND_ASSIGN(
      auto schedule, PiecewiseConstantDecay::Create({.boundaries = {1}, .values = {1, 2}}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.learning_rate_schedule = schedule}));
  EXPECT_EQ(sgd->learning_rate(), 1.0);
  STRATA_ASSERT_OK(sgd->set_iterations(2));
  EXPECT_EQ(sgd->learning_rate(), 2.0);
  // A constant replaces the schedule, as Keras's ReduceLROnPlateau sets it.
  STRATA_ASSERT_OK(sgd->set_learning_rate(0.25));
  EXPECT_EQ(sgd->learning_rate(), 0.25);
  EXPECT_EQ(sgd->learning_rate_schedule(), nullptr);
  EXPECT_EQ(sgd->GetConfig().fields().at("learning_rate").number_value(), 0.25);
  EXPECT_THAT(sgd->set_learning_rate(-1),
              StatusIs(absl::StatusCode::kInvalidArgument,
                       HasSubstr("SGD 'SGD': expected a learning rate that is finite and >= 0; "
                                 "received -1.")));
  EXPECT_THAT(sgd->set_iterations(-3),
              StatusIs(absl::StatusCode::kInvalidArgument, HasSubstr("received -3.")));
}

// Slots and scratch are allocated on the first step only: later steps allocate nothing.
TEST(OptimizerTest, StepsAfterTheFirstDoNotAllocate) {
  STRATA_ASSERT_OK_AND_ASSIGN(auto adam, Adam::Create({.amsgrad = true, .clipnorm = 0.5}));
  STRATA_ASSERT_OK_AND_ASSIGN(auto sgd, SGD::Create({.momentum = 0.9, .weight_decay = 0.1}));
  autograd::Variable a = MakeVariable({1.0, 2.0, 3.0});
  autograd::Variable b = MakeVariable({-1.0});
  autograd::Variable frozen = MakeVariable({5.0});
  SetGradient(a, {1.0, -1.0, 0.5});
  SetGradient(b, {2.0});
  const std::vector<autograd::Variable> variables = {a, b, frozen};
  STRATA_ASSERT_OK(adam->ApplyGradients(variables));
  STRATA_ASSERT_OK(sgd->ApplyGradients(variables));
  g_allocations = 0;
  g_count_allocations = true;
  for (int step = 0; step < 10; ++step) {
    const bool adam_ok = adam->ApplyGradients(variables).ok();
    const bool sgd_ok = sgd->ApplyGradients(variables).ok();
    if (!adam_ok || !sgd_ok) break;
  }
  g_count_allocations = false;
  EXPECT_EQ(g_allocations.load(), 0);
  EXPECT_EQ(adam->iterations(), 11);
  EXPECT_EQ(sgd->iterations(), 11);
}

// Large variables are updated in parallel chunks (and clipnorm reduces in chunks); the result
// must not depend on the number of threads.
TEST(OptimizerTest, LargeVariablesAreBitwiseIndependentOfThreadCount) {
  const int64_t n = (int64_t{1} << 18) + 3;
  Tensor start = Tensor::Empty({n});
  Tensor grad = Tensor::Empty({n});
  for (int64_t i = 0; i < n; ++i) {
    start.mutable_data<float>()[i] = std::sin(0.001 * i);
    grad.mutable_data<float>()[i] = std::cos(0.003 * i) * 0.01f;
  }
  auto run = [&](int threads) {
    ScopedThreadLimit limit(threads);
    auto adam = Adam::Create({.learning_rate = 0.01, .clipnorm = 1.0}).value();
    autograd::Variable w(start.Clone(), true);
    for (int step = 0; step < 3; ++step) {
      w.SetGrad(grad);
      EXPECT_TRUE(adam->ApplyGradients({w}).ok());
    }
    return w.value();
  };
  Tensor one = run(1);
  Tensor many = run(4);
  EXPECT_TRUE(Equal(one, many));
  EXPECT_FALSE(Equal(one, start));
}

}  // namespace
}  // namespace strata::optimizers
