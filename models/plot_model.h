// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#ifndef STRATA_MODELS_PLOT_MODEL_H_
#define STRATA_MODELS_PLOT_MODEL_H_

// plot_model draws a model's graph as Keras's keras.utils.plot_model does: one box per layer
// ("name: Class", with input and output shapes if asked), one edge per connection. It writes
// Graphviz DOT and renders it with the `dot` program (Debian's graphviz package) into the format
// the file name asks for: .png, .svg, .pdf, or .dot for the DOT text itself.
//
//   STRATA_RETURN_IF_ERROR(PlotModel(*model, "model.png", {.show_shapes = true}));
//   std::string dot = ModelToDot(*model, {});

#include <string>

#include "absl/status/status.h"
#include "models/model.h"

namespace strata {

struct PlotOptions {
  bool show_shapes = false;       // Input and output shapes in each box.
  bool show_dtype = false;        // The output dtype in each box.
  bool show_layer_names = true;   // "dense_1: Dense" rather than "Dense".
  std::string rankdir = "TB";     // "TB" (top to bottom) or "LR" (left to right).
  int dpi = 96;
};

// The graph in the DOT language.
std::string ModelToDot(const Model& model, const PlotOptions& options);

// Writes the graph to `path` in the format of its extension. InvalidArgument for another
// extension or rankdir; FailedPrecondition if `dot` is not installed (naming the package);
// Internal if `dot` fails (with its exit status). Never leaves a partial file at `path`.
absl::Status PlotModel(const Model& model, const std::string& path,
                       const PlotOptions& options = {});

}  // namespace strata

#endif  // STRATA_MODELS_PLOT_MODEL_H_
