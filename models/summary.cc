// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The strata Authors.
// Model::Summary: Keras's print_summary (keras/utils/layer_utils.py, TF 2.9 and later), column
// for column, so that a summary printed by strata reads like the one Keras prints.
#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "layers/input_layer.h"
#include "models/model.h"

namespace strata {
namespace {

// 55050 -> "55,050".
std::string WithThousandsSeparators(int64_t n) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

// Keras's print_row: each field is cut to its column (two spaces between columns), preferring to
// break right after "),", "},", "]," or "',"; what is left goes on the next line.
void PrintRow(std::ostream& out, std::vector<std::string> fields,
              const std::vector<int>& positions) {
  auto any_left = [&fields] {
    return std::any_of(fields.begin(), fields.end(),
                       [](const std::string& f) { return !f.empty(); });
  };
  while (any_left()) {
    std::string line;
    for (size_t col = 0; col < fields.size(); ++col) {
      const int start = col > 0 ? positions[col - 1] : 0;
      const int space = col != positions.size() - 1 ? 2 : 0;
      size_t cutoff = static_cast<size_t>(std::max(0, positions[col] - start - space));
      std::string fit = fields[col].substr(0, cutoff);
      size_t best = std::string::npos;
      for (const char* mark : {"),", "},", "],", "',"}) {
        const size_t at = fit.find(mark);
        if (at != std::string::npos) best = std::min(best, at + 2);
      }
      if (best != std::string::npos) {
        cutoff = best;
        fit = fit.substr(0, cutoff);
      }
      if (col == 0) line += ' ';
      line += fit;
      line += std::string(space, ' ');
      fields[col] = cutoff < fields[col].size() ? fields[col].substr(cutoff) : "";
      if (static_cast<int>(line.size()) < positions[col]) {
        line += std::string(positions[col] - line.size(), ' ');
      }
    }
    out << line << "\n";
  }
}

// Keras's layer.output_shape as printed: "(None, 64)"; a list for InputLayer ("[(None, 784)]")
// and for several outputs; "multiple" for a layer called more than once in the model.
std::string OutputShapeText(const Model& model, const Layer& layer) {
  std::vector<std::shared_ptr<LayerNode>> nodes;
  for (auto& node : layer.inbound_nodes()) {
    if (model.ContainsNode(node.get())) nodes.push_back(node);
  }
  if (nodes.size() != 1) return "multiple";
  const std::vector<PartialShape>& shapes = nodes[0]->output_shapes;
  std::vector<std::string> parts;
  for (const PartialShape& s : shapes) parts.push_back(s.ToString());
  if (shapes.size() == 1 && dynamic_cast<const InputLayer*>(&layer) == nullptr) return parts[0];
  return absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
}

// Python's repr of the list of 'layer[node][tensor]' strings.
std::string ConnectionsText(const Model& model, const Layer& layer) {
  std::vector<std::string> connections;
  for (auto& node : layer.inbound_nodes()) {
    if (!model.ContainsNode(node.get())) continue;
    for (const SymbolicTensor& input : node->inputs) {
      connections.push_back(absl::StrCat("'", input.layer()->name(), "[", input.node_index(),
                                         "][", input.tensor_index(), "]'"));
    }
  }
  return absl::StrCat("[", absl::StrJoin(connections, ", "), "]");
}

}  // namespace

void Model::Summary(std::ostream& out) const {
  const bool sequential_like = IsSequentialLike();
  const int line_length = sequential_like ? 65 : 98;
  const std::vector<double> fractions =
      sequential_like ? std::vector<double>{.45, .85, 1.} : std::vector<double>{.33, .55, .67, 1.};
  std::vector<int> positions;
  for (double f : fractions) positions.push_back(static_cast<int>(line_length * f));
  std::vector<std::string> header = {"Layer (type)", "Output Shape", "Param #"};
  if (!sequential_like) header.push_back("Connected to");

  out << "Model: \"" << name() << "\"\n";
  out << std::string(line_length, '_') << "\n";
  PrintRow(out, header, positions);
  out << std::string(line_length, '=') << "\n";
  for (const auto& layer : layers_) {
    std::vector<std::string> fields = {
        absl::StrCat(layer->name(), " (", layer->class_name(), ")"),
        OutputShapeText(*this, *layer), absl::StrCat(layer->CountParams())};
    if (!sequential_like) fields.push_back(ConnectionsText(*this, *layer));
    PrintRow(out, fields, positions);
    out << std::string(line_length, ' ') << "\n";
  }
  out << std::string(line_length, '=') << "\n";
  int64_t trainable = 0, non_trainable = 0;
  for (const autograd::Variable& v : TrainableVariables()) trainable += v.value().num_elements();
  for (const autograd::Variable& v : NonTrainableVariables()) {
    non_trainable += v.value().num_elements();
  }
  out << "Total params: " << WithThousandsSeparators(trainable + non_trainable) << "\n";
  out << "Trainable params: " << WithThousandsSeparators(trainable) << "\n";
  out << "Non-trainable params: " << WithThousandsSeparators(non_trainable) << "\n";
  out << std::string(line_length, '_') << "\n";
}

}  // namespace strata
