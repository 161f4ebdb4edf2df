// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "autograd/grad_mode.h"

namespace strata::autograd {
namespace {
thread_local bool grad_enabled = true;
}  // namespace

bool GradMode::IsEnabled() { return grad_enabled; }
void GradMode::SetEnabled(bool enabled) { grad_enabled = enabled; }

}  // namespace strata::autograd
