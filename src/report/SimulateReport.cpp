#include "report/SimulateReport.h"

#include <fmt/format.h>

#include "report/MoneyReport.h"

namespace tengerim {

Json simulate_json(const SimulateRun& run) {
  const SimulationResult& result = run.result;
  const Policy& policy = run.policy;
  Json json;
  json["policy"] = {{"name", policy.name}, {"toward", policy.toward}, {"tilt", policy.tilt},
                    {"per_year", policy.per_year}};
  json["loss_unit"] = "weighted share of a year's ties lost to pressure, after propagation through Gamma";
  json["start_year"] = result.start_year;
  add_money_basis(json, *run.money, run.snapshot->model);
  json["years"] = Json::array();
  for (const auto& year : result.years) {
    Json loss_usd = nullptr, loss_gdp = nullptr;
    if (run.money->any()) {
      const double usd = year.direct.empty() ? 0.0 : run.money->total(year.direct);
      loss_usd = usd;
      loss_gdp = gdp_share(*run.money, usd);
    }
    Json entry{{"year", year.year},         {"tilt", year.tilt},
               {"loss", year.loss},         {"loss_usd", loss_usd}, {"loss_gdp", loss_gdp},
               {"tension", year.tension},
               {"tension_change", year.tension_change},
               {"cohesion", year.cohesion}, {"balance", year.balance},
               {"separation", year.separation}};
    for (size_t c = 0; c < result.directions.size(); ++c) entry["alignment"][result.directions[c]] = year.alignment[c];
    for (size_t p = 0; p < result.powers.size(); ++p) entry["pressure"][result.powers[p]] = year.pressure[p];
    json["years"].push_back(entry);
  }
  if (run.sensitivity) {
    const PolicySensitivityResult& sensitivity = *run.sensitivity;
    auto& out = json["sensitivity"];
    out["draws"] = sensitivity.draws;
    out["seed"] = sensitivity.seed;
    out["method"] = "Latin hypercube over every varied judgement's range";
    out["varied"] = sensitivity.varied;
    out["not_varied"] = sensitivity.not_varied;
    out["conclusions"] = Json::array();
    for (const auto& conclusion : sensitivity.conclusions)
      out["conclusions"].push_back({{"id", conclusion.id},
                                    {"statement", conclusion.statement},
                                    {"holds", conclusion.holds},
                                    {"share", conclusion.share()}});
  }
  return json;
}

std::string simulate_text(const SimulateRun& run) {
  const SimulationResult& result = run.result;
  const Policy& policy = run.policy;
  std::string text = fmt::format("Simulation of policy {} on {} from {}: {}\n", policy.name,
                                 run.snapshot->model.origin, result.start_year, policy.description);
  text += "Pressure P_c by power; loss = weighted share of a year's ties lost to pressure (after spill-over);\n"
          "tension T = population-weighted distance of the alignment from each group's orientation (0-1).\n\n";
  text += fmt::format("{:<6}{:>6}", "year", "tilt");
  for (const auto& power : result.powers) text += fmt::format("{:>9}", "P_" + power);
  const bool money = run.money->any();
  text += fmt::format("{:>9}{}{:>9}{:>9}{:>9}{:>9}\n", "loss", money ? fmt::format("{:>11}", "loss bnUSD") : "",
                      "tension", "cohesion", "balance", "separat.");
  for (const auto& year : result.years) {
    text += fmt::format("{:<6}{:>6.2f}", year.year, year.tilt);
    for (double p : year.pressure) text += fmt::format("{:>9.4f}", p);
    const double usd = year.direct.empty() ? 0.0 : run.money->total(year.direct);
    text += fmt::format("{:>9.4f}{}{:>9.4f}{:>9.4f}{:>9.3f}{:>9.3f}\n", year.loss,
                        money ? fmt::format("{:>11.3f}", usd / 1e9) : "", year.tension, year.cohesion, year.balance,
                        year.separation);
  }
  text += "\n" + money_basis_text(*run.money, run.snapshot->model);
  text += "\nAlignment a_c in the final year:";
  for (size_t c = 0; c < result.directions.size(); ++c)
    text += fmt::format("  {} {:.3f}", result.directions[c], result.years.back().alignment[c]);
  text += "\n";
  if (run.sensitivity) {
    const PolicySensitivityResult& sensitivity = *run.sensitivity;
    text += fmt::format("\nSensitivity: {} Latin-hypercube draws (seed {}) over {} judgements\n", sensitivity.draws,
                        sensitivity.seed, sensitivity.varied.size());
    for (const auto& conclusion : sensitivity.conclusions)
      text += fmt::format("  {:5.1f} % of draws: {}\n", 100 * conclusion.share(), conclusion.statement);
    text += "Held at their values:";
    for (const auto& item : sensitivity.not_varied) text += "\n  " + item;
    text += "\n";
  }
  return text;
}

}  // namespace tengerim
