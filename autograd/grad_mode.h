// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_AUTOGRAD_GRAD_MODE_H_
#define STRATA_AUTOGRAD_GRAD_MODE_H_

// Whether differentiable ops record the graph, per thread.
//
// NOTE [ Grad mode is thread-local ]
// A process-wide flag would race when the executor runs several models (or inference beside
// training) at once, so the mode belongs to the calling thread. Code that hands work to other
// threads (the executor) reads IsEnabled() where the work is submitted and re-establishes it in
// the tasks with a GradModeScope.
//
//   {
//     NoGradScope no_grad;  // inference: nothing recorded, nothing kept for backward
//     STRATA_ASSIGN_OR_RETURN(Variable y, MatMul(x, w));
//   }

namespace strata::autograd {

class GradMode {
 public:
  // True unless a NoGradScope (or GradModeScope(false)) is alive on this thread.
  static bool IsEnabled();
  static void SetEnabled(bool enabled);
};

// Sets the grad mode of this thread while alive, then restores the previous one.
class GradModeScope {
 public:
  explicit GradModeScope(bool enabled) : previous_(GradMode::IsEnabled()) {
    GradMode::SetEnabled(enabled);
  }
  ~GradModeScope() { GradMode::SetEnabled(previous_); }
  GradModeScope(const GradModeScope&) = delete;
  GradModeScope& operator=(const GradModeScope&) = delete;

 private:
  bool previous_;
};

// Disables recording on this thread while alive.
class NoGradScope : public GradModeScope {
 public:
  NoGradScope() : GradModeScope(false) {}
};

}  // namespace strata::autograd

#endif  // STRATA_AUTOGRAD_GRAD_MODE_H_
