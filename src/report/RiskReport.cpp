#include "report/RiskReport.h"

#include <fmt/format.h>

#include "report/EnvelopeReport.h"
#include "report/MoneyReport.h"
#include "report/ShockReport.h"

namespace tengerim {
namespace {

std::string level_key(double level) { return fmt::format("{:g}", level); }

// The loss in US dollars beside the index: its own distribution's figures (never the index's scaled).
void add_money(Json& json, const RiskRun& run) {
  const MoneyLoss& money = *run.money;
  add_money_basis(json, money, run.snapshot->model);
  const std::optional<LossSummary>& summary = run.result.money;
  const std::vector<const char*> keys = {"mean_loss_usd", "var_usd", "cvar_usd", "contributions_usd",
                                         "stderr_usd", "mean_loss_gdp", "var_gdp", "cvar_gdp"};
  if (!summary) {
    for (const char* key : keys) json[key] = nullptr;
    return;
  }
  // Filled apart and then stored: a reference into an ordered_json dangles once a key is added.
  Json var = Json::object(), cvar = Json::object(), contributions = Json::object(), stderrs = Json::object();
  Json var_gdp = Json::object(), cvar_gdp = Json::object();
  stderrs["mean_loss"] = summary->mean_stderr;
  for (size_t t = 0; t < run.asked_levels; ++t) {
    const auto& tail = summary->tails[t];
    var[level_key(tail.level)] = tail.var;
    cvar[level_key(tail.level)] = tail.cvar;
    stderrs["var"][level_key(tail.level)] = tail.var_stderr;
    stderrs["cvar"][level_key(tail.level)] = tail.cvar_stderr;
  }
  for (size_t p = 0; p < run.result.parts.size(); ++p) {
    auto& entry = contributions[run.result.parts[p]];
    entry["mean"] = summary->mean_contributions[p];
    for (size_t t = 0; t < run.asked_levels; ++t)
      entry["cvar"][level_key(summary->tails[t].level)] = summary->tails[t].contributions[p];
  }
  for (size_t t = 0; t < run.asked_levels; ++t) {
    var_gdp[level_key(summary->tails[t].level)] = gdp_share(money, summary->tails[t].var);
    cvar_gdp[level_key(summary->tails[t].level)] = gdp_share(money, summary->tails[t].cvar);
  }
  json["mean_loss_usd"] = summary->mean;
  json["var_usd"] = var;
  json["cvar_usd"] = cvar;
  json["contributions_usd"] = contributions;
  json["stderr_usd"] = stderrs;
  json["mean_loss_gdp"] = gdp_share(money, summary->mean);
  json["var_gdp"] = var_gdp;
  json["cvar_gdp"] = cvar_gdp;
}

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
  Json var = Json::object(), cvar = Json::object(), stderrs = Json::object();  // stored below, in this order
  stderrs["mean_loss"] = summary.mean_stderr;
  for (size_t t = 0; t < run.asked_levels; ++t) {
    const auto& tail = summary.tails[t];
    var[level_key(tail.level)] = tail.var;
    cvar[level_key(tail.level)] = tail.cvar;
    stderrs["var"][level_key(tail.level)] = tail.var_stderr;
    stderrs["cvar"][level_key(tail.level)] = tail.cvar_stderr;
  }
  json["var"] = var;
  json["cvar"] = cvar;
  json["stderr"] = stderrs;
  auto& contributions = json["contributions"] = Json::object();
  for (size_t p = 0; p < result.parts.size(); ++p) {
    auto& entry = contributions[result.parts[p]];
    entry["mean"] = summary.mean_contributions[p];
    for (size_t t = 0; t < run.asked_levels; ++t)
      entry["cvar"][level_key(summary.tails[t].level)] = summary.tails[t].contributions[p];
  }
  add_money(json, run);
  json["shocks"] = Json::array();
  for (size_t k = 0; k < scenario.shocks.size(); ++k) {
    const Shock& shock = scenario.shocks[k];
    Json entry{{"id", shock.id}, {"direction", shock.direction}, {"domain", shock.domain},
               {"probability", *shock.probability}, {"occurred", result.occurrence[k]}};
    if (shock.severity) entry["severity"] = {{"alpha", shock.severity->alpha}, {"beta", shock.severity->beta}};
    else entry["cut"] = shock.cut;
    entry["cause"] = shock_cause_json(shock, *run.losses, run.snapshot->network);
    json["shocks"].push_back(entry);
  }
  json["warnings"] = shock_warnings_json(run.warnings);
  if (run.envelope) json["envelope"] = envelope_json(*run.envelope);
  return json;
}

std::string risk_text(const RiskRun& run) {
  const LossSummary& summary = run.result.summary;
  std::string text = fmt::format("Risk of {} on {}: {} draws, seed {}\n", run.scenario->name,
                                 run.snapshot->model.origin, run.options.draws, run.options.seed);
  text += "Loss = weighted share of a year's ties lost, after cross-domain propagation.\n\n";
  if (!run.warnings.empty()) text += shock_warnings_text(run.warnings) + "\n";
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
  text += "\n" + money_basis_text(*run.money, run.snapshot->model);
  if (const auto& money = run.result.money) {
    text += "Loss in money (its own distribution over the same draws; VaR and CVaR are its quantiles)\n";
    text += fmt::format("  mean {}\n", usd_text(*run.money, money->mean));
    for (size_t t = 0; t < run.asked_levels; ++t)
      text += fmt::format("  level {:g}: VaR {}  CVaR {}\n", money->tails[t].level,
                          usd_text(*run.money, money->tails[t].var), usd_text(*run.money, money->tails[t].cvar));
    text += "  contributions by direction, bn USD (Euler: mean, CVaR at each level)\n";
    for (size_t p = 0; p < run.result.parts.size(); ++p) {
      text += fmt::format("    {:<10} {:.4f}", run.result.parts[p], money->mean_contributions[p] / 1e9);
      for (size_t t = 0; t < run.asked_levels; ++t) text += fmt::format("  {:.4f}", money->tails[t].contributions[p] / 1e9);
      text += "\n";
    }
  } else {
    text += "No domain has a money valuation (valuation.toml): no loss in money.\n";
  }
  if (run.envelope) text += envelope_text(*run.envelope, *run.money);
  return text;
}

}  // namespace tengerim
