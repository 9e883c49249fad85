#include "report/ParamsReport.h"

#include <fmt/format.h>

#include "model/Parameters.h"

namespace tengerim {

std::string parameters_markdown() {
  std::string out =
      "# Model parameters\n\n"
      "Generated from `src/model/Parameters.cpp` by `tengerim params`; do not edit by hand.\n"
      "Set any of them in a model's `model.toml` under `[parameters]`.\n\n"
      "| key | default | valid range | unit | kind | meaning | basis |\n"
      "|---|---|---|---|---|---|---|\n";
  for (const auto& spec : parameter_specs()) {
    std::string kind = spec.judgement
                           ? fmt::format("judgement, varied over [{}, {}]", spec.range_low, spec.range_high)
                           : std::string("standard");
    out += fmt::format("| `{}` | {} | [{}, {}] | {} | {} | {} | {} |\n", spec.key, spec.default_value,
                       spec.min, spec.max, spec.unit, kind, spec.doc, spec.basis);
  }
  return out;
}

Json parameters_json(const Model& model) {
  Json out;
  auto& parameters = out["parameters"] = Json::array();
  for (const auto& spec : parameter_specs()) {
    Json entry{{"key", spec.key},       {"value", model.parameters.get(spec.key)},
               {"default", spec.default_value}, {"min", spec.min},
               {"max", spec.max},       {"unit", spec.unit},
               {"judgement", spec.judgement}, {"doc", spec.doc},
               {"basis", spec.basis}};
    if (spec.judgement) entry["range"] = {spec.range_low, spec.range_high};
    parameters.push_back(std::move(entry));
  }
  return out;
}

}  // namespace tengerim
