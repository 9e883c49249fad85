#include "report/SimulateReport.h"

#include <fmt/format.h>

#include <cmath>
#include <utility>

#include "common/Text.h"
#include "report/MoneyReport.h"

namespace tengerim {
namespace {

constexpr const char* kIndexUnit = "index: a year's weighted ties (a domain's whole yearly flow is worth its weight w_d)";

Json part_json(const OutcomePart& part) { return part.usd ? Json(*part.usd) : Json(nullptr); }

// The net outcome and its parts in its unit, with each part's index and dollar value.
Json net_outcome_json(const NetOutcome& net, const std::vector<std::string>& not_money, bool tension_usd) {
  Json json{{"unit", net.in_usd() ? "USD" : "index"},
            {"total", net.total()},
            {"benefit", net.value(net.benefit)},
            {"expected_loss", net.value(net.expected_loss)},
            {"adjustment_cost", net.value(net.adjustment_cost)},
            {"tension_cost", net.value(net.tension_cost)}};
  json["index"] = {{"unit", kIndexUnit},
                   {"benefit", net.benefit.index},
                   {"expected_loss", net.expected_loss.index},
                   {"adjustment_cost", net.adjustment_cost.index},
                   {"tension_cost", net.tension_cost.index}};
  json["usd"] = {{"benefit", part_json(net.benefit)},
                 {"expected_loss", part_json(net.expected_loss)},
                 {"adjustment_cost", part_json(net.adjustment_cost)},
                 {"tension_cost", part_json(net.tension_cost)}};
  json["not_money"] = not_money;
  if (!net.in_usd()) {
    std::string why;
    if (!not_money.empty()) why = "some domains' ties have no money value (not_money)";
    if (!tension_usd) why += std::string(why.empty() ? "" : "; ") + "tension has no money value (no tension_usd)";
    json["why_index"] = why;
  }
  return json;
}

// The scale a money figure of the size of `magnitude` is shown in.
std::pair<double, const char*> usd_scale(double magnitude) {
  if (magnitude >= 1e9) return {1e9, " bn USD"};
  if (magnitude >= 1e6) return {1e6, " m USD"};
  return {1, " USD"};
}

std::string net_outcome_text(const NetOutcome& net) {
  const bool usd = net.in_usd();
  const auto [scale, unit] = usd ? usd_scale(std::fabs(net.value(net.benefit))) : std::pair{1.0, " (index)"};
  return fmt::format("{:.4f} - {:.4f} - {:.4f} - {:.4f} = {:.4f}{}", net.value(net.benefit) / scale,
                     net.value(net.expected_loss) / scale, net.value(net.adjustment_cost) / scale,
                     net.value(net.tension_cost) / scale, net.total() / scale, unit);
}

std::string index_note(const std::vector<std::string>& not_money) {
  return "(index unit: a year's weighted ties; not in USD: " +
         (not_money.empty() ? std::string("tension has no money value") : "no money value for " + join(not_money, ", ")) +
         ")";
}

std::string sweep_text(const TiltSweepResult& sweep, const std::vector<std::string>& powers) {
  std::string text = fmt::format(
      "\nDose-response: each tilt held for {} years from the first; conclusions against the status quo (tilt 0) at "
      "the same judgements, {}\n",
      sweep.horizon,
      sweep.draws ? fmt::format("share of {} Latin-hypercube draws (seed {}) over {} judgements", sweep.draws,
                                sweep.seed, sweep.varied.size())
                  : std::string("at the judgements' values (1 holds, 0 not; --sensitivity N for shares)"));
  text += "'-' = holds by construction (the formulas make it so whatever the judgements): not a finding.\n";
  const bool usd = !sweep.points.empty() && sweep.points.front().net.in_usd();
  const auto [scale, unit] =
      usd ? usd_scale(std::fabs(sweep.points.front().net.value(sweep.points.front().net.benefit)))
          : std::pair{1.0, ""};
  text += "Net outcome " + (usd ? std::string("in") + unit : index_note(sweep.not_money)) + "\n";
  text += fmt::format("{:<8}{:>6}{:>11}", "toward", "tilt", "net");
  for (const auto& power : powers) text += fmt::format("{:>9}", "P_" + power);
  text += fmt::format("{:>9}{:>9}{:>9}{:>9}{:>9}{:>9}\n", "press.", "loss+", "net-", "B-", "T+", "fav.0");
  for (const auto& point : sweep.points) {
    text += fmt::format("{:<8}{:>6.2f}{:>11.4f}", point.toward, point.tilt, point.net.total() / scale);
    for (double p : point.pressure) text += fmt::format("{:>9.4f}", p);
    for (const auto& conclusion : point.conclusions)
      text += conclusion.by_construction ? fmt::format("{:>9}", "-") : fmt::format("{:>9.2f}", conclusion.share());
    text += "\n";
  }
  text += "press. draws pressure; loss+ raises the loss from pressure; net- lowers the net outcome; B- lowers the "
          "balance;\nT+ raises tension; fav.0 no pressure from the favoured direction (blank: not a power).\n";
  text += "Pressure begins beyond a tilt of (at the judgements' values):";
  for (const auto& threshold : sweep.thresholds)
    text += threshold.tilt ? fmt::format("  {} {:.4f} ({}{})", threshold.toward, *threshold.tilt, threshold.power,
                                         threshold.at_status_quo ? ", at the status quo already" : "")
                           : fmt::format("  {} none", threshold.toward);
  text += "\n";
  return text;
}

Json sweep_json(const TiltSweepResult& sweep) {
  Json json;
  json["horizon"] = sweep.horizon;
  json["draws"] = sweep.draws;
  json["basis"] = sweep.draws ? "share of Latin-hypercube draws over every varied judgement's range"
                              : "the judgements' values (no --sensitivity): share 1 when the conclusion holds, 0 "
                                "when not";
  if (sweep.draws) json["seed"] = sweep.seed;
  json["varied"] = sweep.varied;
  json["not_varied"] = sweep.not_varied;
  json["tilts"] = kSweepTilts;
  json["thresholds"] = Json::array();
  for (const auto& threshold : sweep.thresholds)
    json["thresholds"].push_back({{"toward", threshold.toward},
                                  {"tilt", threshold.tilt ? Json(*threshold.tilt) : Json(nullptr)},
                                  {"at_status_quo", threshold.at_status_quo},
                                  {"power", threshold.tilt ? Json(threshold.power) : Json(nullptr)}});
  return json;
}

}  // namespace

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
  const bool tension_usd = run.spec.adjustment.tension_usd.has_value();
  json["net_outcome"] = net_outcome_json(run.net, run.not_money, tension_usd);
  if (run.sweep) {
    json["sweep_design"] = sweep_json(*run.sweep);
    json["sweep"] = Json::array();
    for (const auto& point : run.sweep->points) {
      Json entry{{"toward", point.toward},
                 {"tilt", point.tilt},
                 {"net_outcome", net_outcome_json(point.net, run.sweep->not_money, tension_usd)},
                 {"balance", point.balance},
                 {"tension", point.tension}};
      for (size_t p = 0; p < run.result.powers.size(); ++p) entry["pressure"][run.result.powers[p]] = point.pressure[p];
      entry["conclusions"] = Json::array();
      for (const auto& conclusion : point.conclusions)
        entry["conclusions"].push_back({{"id", conclusion.id},
                                        {"text", conclusion.text},
                                        {"share", conclusion.share()},
                                        {"by_construction", conclusion.by_construction}});
      json["sweep"].push_back(entry);
    }
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
                                    {"share", conclusion.share()},
                                    {"by_construction", conclusion.by_construction}});
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
  text += "\nNet outcome = benefit - expected loss - adjustment cost - tension cost:\n  " + net_outcome_text(run.net) +
          "\n";
  if (!run.net.in_usd()) text += "  " + index_note(run.not_money) + "\n";
  if (run.sweep) text += sweep_text(*run.sweep, run.result.powers);
  if (run.sensitivity) {
    const PolicySensitivityResult& sensitivity = *run.sensitivity;
    text += fmt::format("\nSensitivity: {} Latin-hypercube draws (seed {}) over {} judgements\n", sensitivity.draws,
                        sensitivity.seed, sensitivity.varied.size());
    for (const auto& conclusion : sensitivity.conclusions)
      text += conclusion.by_construction
                  ? fmt::format("  by construction (not a finding): {}\n", conclusion.statement)
                  : fmt::format("  {:5.1f} % of draws: {}\n", 100 * conclusion.share(), conclusion.statement);
    text += "Held at their values:";
    for (const auto& item : sensitivity.not_varied) text += "\n  " + item;
    text += "\n";
  }
  return text;
}

}  // namespace tengerim
