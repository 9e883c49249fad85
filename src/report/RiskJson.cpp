#include "report/RiskJson.h"

#include <fmt/format.h>

namespace tengerim {
namespace {

std::string level_key(double level) { return fmt::format("{:g}", level); }

}  // namespace

nlohmann::json risk_json(const Model& model, const Scenario& scenario, const RiskOptions& options,
                         const RiskResult& result) {
  const LossSummary& summary = result.summary;
  nlohmann::json json;
  json["command"] = "risk";
  json["model"] = model.origin;
  json["scenario"] = scenario.name;
  json["draws"] = options.draws;
  json["seed"] = options.seed;
  json["loss_unit"] = "weighted share of a year's ties lost, after propagation through Gamma";
  json["mean_loss"] = summary.mean;
  json["mean_direct_loss"] = result.mean_direct;
  json["stderr"]["mean_loss"] = summary.mean_stderr;
  for (const auto& tail : summary.tails) {
    json["var"][level_key(tail.level)] = tail.var;
    json["cvar"][level_key(tail.level)] = tail.cvar;
    json["stderr"]["var"][level_key(tail.level)] = tail.var_stderr;
    json["stderr"]["cvar"][level_key(tail.level)] = tail.cvar_stderr;
  }
  for (size_t p = 0; p < result.parts.size(); ++p) {
    auto& entry = json["contributions"][result.parts[p]];
    entry["mean"] = summary.mean_contributions[p];
    for (const auto& tail : summary.tails) entry["cvar"][level_key(tail.level)] = tail.contributions[p];
  }
  json["shocks"] = nlohmann::json::array();
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    nlohmann::json entry{{"id", shock.id}, {"direction", shock.direction}, {"domain", shock.domain},
                         {"probability", *shock.probability}, {"occurred", result.occurrence[k]}};
    if (shock.severity) entry["severity"] = {{"alpha", shock.severity->alpha}, {"beta", shock.severity->beta}};
    else entry["cut"] = shock.cut;
    json["shocks"].push_back(entry);
  }
  return json;
}

}  // namespace tengerim
