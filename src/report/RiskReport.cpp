#include "report/RiskReport.h"

#include <fmt/format.h>

namespace tengerim {
namespace {

std::string level_key(double level) { return fmt::format("{:g}", level); }

}  // namespace

Json risk_json(const RiskRun& run) {
  const RiskResult& result = run.result;
  const LossSummary& summary = result.summary;
  const Scenario& scenario = *run.scenario;
  Json json;
  json["scenario"] = scenario.name;
  json["loss_unit"] = "weighted share of a year's ties lost, after propagation through Gamma";
  json["mean_loss"] = summary.mean;
  json["mean_direct_loss"] = result.mean_direct;
  auto& var = json["var"] = Json::object();
  auto& cvar = json["cvar"] = Json::object();
  auto& stderrs = json["stderr"] = Json::object();
  stderrs["mean_loss"] = summary.mean_stderr;
  for (size_t t = 0; t < run.asked_levels; ++t) {
    const auto& tail = summary.tails[t];
    var[level_key(tail.level)] = tail.var;
    cvar[level_key(tail.level)] = tail.cvar;
    stderrs["var"][level_key(tail.level)] = tail.var_stderr;
    stderrs["cvar"][level_key(tail.level)] = tail.cvar_stderr;
  }
  auto& contributions = json["contributions"] = Json::object();
  for (size_t p = 0; p < result.parts.size(); ++p) {
    auto& entry = contributions[result.parts[p]];
    entry["mean"] = summary.mean_contributions[p];
    for (size_t t = 0; t < run.asked_levels; ++t)
      entry["cvar"][level_key(summary.tails[t].level)] = summary.tails[t].contributions[p];
  }
  json["shocks"] = Json::array();
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    Json entry{{"id", shock.id}, {"direction", shock.direction}, {"domain", shock.domain},
               {"probability", *shock.probability}, {"occurred", result.occurrence[k]}};
    if (shock.severity) entry["severity"] = {{"alpha", shock.severity->alpha}, {"beta", shock.severity->beta}};
    else entry["cut"] = shock.cut;
    json["shocks"].push_back(entry);
  }
  return json;
}

std::string risk_text(const RiskRun& run) {
  const LossSummary& summary = run.result.summary;
  std::string text = fmt::format("Risk of {} on {}: {} draws, seed {}\n", run.scenario->name,
                                 run.snapshot->model.origin, run.options.draws, run.options.seed);
  text += "Loss = weighted share of a year's ties lost, after cross-domain propagation.\n\n";
  text += fmt::format("mean loss {:.5f} (se {:.5f}); mean direct loss {:.5f}\n", summary.mean, summary.mean_stderr,
                      run.result.mean_direct);
  for (size_t t = 0; t < run.asked_levels; ++t) {
    const auto& tail = summary.tails[t];
    text += fmt::format("level {:g}: VaR {:.5f} (se {:.5f})  CVaR {:.5f} (se {:.5f})\n", tail.level, tail.var,
                        tail.var_stderr, tail.cvar, tail.cvar_stderr);
  }
  text += "\nContributions by direction (Euler: mean, CVaR at each level)\n";
  for (size_t p = 0; p < run.result.parts.size(); ++p) {
    text += fmt::format("  {:<10} {:.5f}", run.result.parts[p], summary.mean_contributions[p]);
    for (size_t t = 0; t < run.asked_levels; ++t) text += fmt::format("  {:.5f}", summary.tails[t].contributions[p]);
    text += "\n";
  }
  return text;
}

}  // namespace tengerim
