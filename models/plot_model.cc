// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
#include "models/plot_model.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "layers/input_layer.h"

namespace strata {
namespace {

// Characters that DOT record labels treat as structure.
std::string EscapeRecord(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '{' || c == '}' || c == '|' || c == '<' || c == '>' || c == '"' || c == '\\') {
      out += '\\';
    }
    out += c;
  }
  return out;
}

std::string ShapesText(const std::vector<PartialShape>& shapes) {
  std::vector<std::string> parts;
  for (const PartialShape& s : shapes) parts.push_back(s.ToString());
  if (parts.size() == 1) return parts[0];
  return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
}

// The first call of `layer` inside `model`.
const LayerNode* NodeOf(const Model& model, const Layer& layer) {
  for (const auto& node : layer.inbound_nodes()) {
    if (model.ContainsNode(node.get())) return node.get();
  }
  return nullptr;
}

// Finds an executable `name` on PATH.
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  for (absl::string_view dir : absl::StrSplit(path ? path : "/usr/bin:/bin", ':')) {
    std::string candidate = absl::StrCat(dir, "/", name);
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

}  // namespace

std::string ModelToDot(const Model& model, const PlotOptions& options) {
  std::ostringstream dot;
  dot << "digraph G {\n";
  dot << "  graph [rankdir=" << options.rankdir << ", concentrate=true, dpi=" << options.dpi
      << "];\n";
  dot << "  node [shape=record, fontname=Helvetica];\n";
  absl::flat_hash_map<const Layer*, int> ids;
  for (const auto& layer : model.layers()) ids[layer.get()] = static_cast<int>(ids.size());
  for (const auto& layer : model.layers()) {
    std::string label = options.show_layer_names
                            ? absl::StrCat(layer->name(), ": ", layer->class_name())
                            : layer->class_name();
    label = EscapeRecord(label);
    const LayerNode* node = NodeOf(model, *layer);
    if (options.show_dtype && node != nullptr && !node->output_dtypes.empty()) {
      label = absl::StrCat(label, "|", DTypeName(node->output_dtypes[0]));
    }
    if (options.show_shapes && node != nullptr) {
      std::vector<PartialShape> in_shapes;
      for (const SymbolicTensor& t : node->inputs) in_shapes.push_back(t.shape());
      const std::string inputs =
          node->is_input() ? ShapesText(node->output_shapes) : ShapesText(in_shapes);
      label = absl::StrCat("{", label, "|{input:|output:}|{{", EscapeRecord(inputs), "}|{",
                           EscapeRecord(ShapesText(node->output_shapes)), "}}}");
    }
    dot << "  " << ids[layer.get()] << " [label=\"" << label << "\"];\n";
  }
  for (const auto& layer : model.layers()) {
    for (const auto& node : layer->inbound_nodes()) {
      if (!model.ContainsNode(node.get())) continue;
      for (const SymbolicTensor& input : node->inputs) {
        auto from = ids.find(input.layer());
        if (from == ids.end()) continue;  // An InputLayer hidden by Sequential.
        dot << "  " << from->second << " -> " << ids[layer.get()] << ";\n";
      }
    }
  }
  dot << "}\n";
  return dot.str();
}

absl::Status PlotModel(const Model& model, const std::string& path, const PlotOptions& options) {
  if (options.rankdir != "TB" && options.rankdir != "LR" && options.rankdir != "BT" &&
      options.rankdir != "RL") {
    return absl::InvalidArgumentError(absl::StrCat(
        "PlotModel: expected rankdir TB, LR, BT or RL; received \"", options.rankdir, "\"."));
  }
  std::string format;
  for (const char* ext : {"png", "svg", "pdf", "dot"}) {
    if (absl::EndsWith(path, absl::StrCat(".", ext))) format = ext;
  }
  if (format.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "PlotModel: expected a path ending in .png, .svg, .pdf or .dot; received \"", path,
        "\"."));
  }
  const std::string dot_text = ModelToDot(model, options);
  // Write next to the target, then rename: a failure never leaves a partial file at `path`.
  const std::string temporary = absl::StrCat(path, ".tmp-", ::getpid());
  if (format == "dot") {
    std::ofstream out(temporary, std::ios::binary);
    out << dot_text;
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return absl::PermissionDeniedError(absl::StrCat("PlotModel: cannot write \"", path, "\"."));
    }
  } else {
    const std::string dot_program = FindOnPath("dot");
    if (dot_program.empty()) {
      return absl::FailedPreconditionError(
          "PlotModel: expected the Graphviz `dot` program on PATH; received none. Install "
          "Debian's graphviz package (apt-get install graphviz).");
    }
    const std::string dot_file = absl::StrCat(temporary, ".gv");
    {
      std::ofstream out(dot_file, std::ios::binary);
      out << dot_text;
      if (!out) {
        return absl::PermissionDeniedError(
            absl::StrCat("PlotModel: cannot write next to \"", path, "\"."));
      }
    }
    const std::string type_flag = absl::StrCat("-T", format);
    const std::string out_flag = absl::StrCat("-o", temporary);
    const pid_t pid = ::fork();
    if (pid == 0) {
      ::execl(dot_program.c_str(), "dot", type_flag.c_str(), out_flag.c_str(), dot_file.c_str(),
              static_cast<char*>(nullptr));
      ::_exit(127);
    }
    int status = 0;
    if (pid < 0 || ::waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0) {
      std::remove(dot_file.c_str());
      std::remove(temporary.c_str());
      return absl::InternalError(absl::StrCat("PlotModel: `dot ", type_flag,
                                              "` failed (status ", status, ") for \"", path,
                                              "\"."));
    }
    std::remove(dot_file.c_str());
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    return absl::PermissionDeniedError(absl::StrCat("PlotModel: cannot write \"", path, "\"."));
  }
  return absl::OkStatus();
}

}  // namespace strata
