#include "report/AttributionReport.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace tengerim {
namespace {

Json partner_json(const PartnerMove& move) {
  return {{"partner", move.partner},
          {"direction", move.direction.empty() ? Json(nullptr) : Json(move.direction)},
          {"from", move.from},
          {"to", move.to}};
}

Json figure_json(const FigureAttribution& figure) {
  Json out;
  out["from"] = figure.from;
  out["to"] = figure.to;
  out["total"] = figure.total();
  auto& parts = out["parts"] = Json::array();
  for (const auto& part : figure.parts) {
    Json entry;
    entry["kind"] = to_string(part.kind);
    entry["domain"] = part.domain;
    // The partner behind the part: the one whose share moved most.
    entry["partner"] = part.partners.empty() ? Json(nullptr) : Json(part.partners.front().partner);
    entry["value"] = part.value;
    auto& partners = entry["partners"] = Json::array();
    for (const auto& move : part.partners) partners.push_back(partner_json(move));
    parts.push_back(std::move(entry));
  }
  return out;
}

Json figures_json(const std::vector<FigureAttribution>& figures) {
  Json out = Json::object();
  for (const auto& figure : figures) out[figure.figure] = figure_json(figure);
  return out;
}

std::string part_label(const AttributionPart& part) {
  std::string label = fmt::format("{} {}", to_string(part.kind), part.domain);
  if (!part.partners.empty()) {
    const PartnerMove& top = part.partners.front();
    label += fmt::format(" ({} {:.3f} -> {:.3f})", top.partner, top.from, top.to);
  }
  return label;
}

}  // namespace

Json attribution_json(const SheetAttribution& attribution) {
  Json out;
  out["from"] = attribution.from_year;
  out["to"] = attribution.to_year;
  out["method"] = "shapley";
  out["balance"] = figure_json(attribution.balance);
  out["dependence"] = figures_json(attribution.dependence);
  out["leverage"] = figures_json(attribution.leverage);
  return out;
}

std::string attribution_text(const SheetAttribution& attribution) {
  const FigureAttribution& balance = attribution.balance;
  std::string out = fmt::format("\nWhat moved B from {} to {} (Shapley parts; they sum to the change)\n",
                                attribution.from_year, attribution.to_year);
  out += fmt::format("  B {:.3f} -> {:.3f}: {:+.4f}\n", balance.from, balance.to, balance.total());
  std::vector<const AttributionPart*> parts;
  for (const auto& part : balance.parts) parts.push_back(&part);
  std::stable_sort(parts.begin(), parts.end(), [](const AttributionPart* a, const AttributionPart* b) {
    return std::fabs(a->value) > std::fabs(b->value);
  });
  for (const AttributionPart* part : parts) out += fmt::format("    {:+.4f}  {}\n", part->value, part_label(*part));
  if (parts.empty()) out += "    no factor differs between the two years\n";
  out += "  Dependence D and leverage Lambda by direction\n";
  for (size_t c = 0; c < attribution.dependence.size(); ++c) {
    const FigureAttribution& dependence = attribution.dependence[c];
    const FigureAttribution& leverage = attribution.leverage[c];
    out += fmt::format("    {:<10} D {:.3f} -> {:.3f} ({:+.4f})   Lambda {:.3f} -> {:.3f} ({:+.4f})\n",
                       dependence.figure, dependence.from, dependence.to, dependence.total(), leverage.from,
                       leverage.to, leverage.total());
  }
  return out;
}

}  // namespace tengerim
