#include "report/ShockReport.h"

#include <fmt/format.h>

#include "network/MinCostFlow.h"
#include "report/MoneyReport.h"

namespace tengerim {

Json shock_warnings_json(const std::vector<ShockWarning>& warnings) {
  Json out = Json::array();
  for (const auto& warning : warnings) out.push_back({{"shock", warning.shock}, {"reason", warning.reason}});
  return out;
}

std::string shock_warnings_text(const std::vector<ShockWarning>& warnings) {
  std::string text;
  for (const auto& warning : warnings) text += fmt::format("warning: shock {} loses nothing: {}\n", warning.shock, warning.reason);
  return text;
}

Json shock_cause_json(const Shock& shock, const LossModel& losses, const CorridorNetwork& network) {
  const std::vector<size_t> cut = losses.edges_cut(shock);
  const char* rule = shock.edge ? (shock.actor.empty() ? "edge" : "actor") : (cut.empty() ? "flows" : "direction");
  Json edges = Json::array();
  for (size_t e : cut) edges.push_back(network.edges[e].id);
  Json out{{"rule", rule}, {"actor", shock.actor.empty() ? Json() : Json(shock.actor)}, {"edges", edges}};
  return out;
}

Json shock_json(const ShockRun& run) {
  const Model& model = run.snapshot->model;
  const CorridorNetwork& network = run.snapshot->network;
  const ScenarioOutcome& outcome = run.outcome;
  Json json;
  json["scenario"] = run.scenario->name;
  json["spectral_radius"] = run.losses->coupling().spectral_radius();
  json["edges"] = Json::array();
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const auto& edge = network.edges[e];
    json["edges"].push_back({{"id", edge.id}, {"from", edge.from}, {"to", edge.to}, {"commodity", edge.commodity},
                             {"mode", edge.mode}, {"capacity", edge.capacity}, {"unit", edge.unit},
                             {"capacity_factor", outcome.capacity_factor[e]},
                             {"baseline", outcome.baseline.edge_flow[e]}, {"shocked", outcome.shocked.edge_flow[e]}});
  }
  json["shocks"] = Json::array();
  for (const auto& shock : run.scenario->shocks)
    json["shocks"].push_back({{"id", shock.id}, {"direction", shock.direction}, {"domain", shock.domain},
                              {"cut", shock.cut}, {"cause", shock_cause_json(shock, *run.losses, network)}});
  json["warnings"] = shock_warnings_json(run.warnings);
  json["closures"] = Json::array();
  for (const auto& change : run.scenario->edges) {
    Json taken = Json::array();
    for (size_t e : change.edges_taken) taken.push_back(network.edges[e].id);
    json["closures"].push_back({{"edge", network.edges[change.edge].id}, {"factor", change.factor},
                                {"actor", change.actor.empty() ? Json() : Json(change.actor)}, {"edges_taken", taken}});
  }
  json["stranded"] = Json::object();
  json["markets"] = Json::array();
  auto base = market_flows(network, outcome.baseline), shocked = market_flows(network, outcome.shocked);
  for (size_t m = 0; m < shocked.size(); ++m) {
    json["stranded"][shocked[m].commodity] = json["stranded"].value(shocked[m].commodity, 0.0) + shocked[m].stranded;
    json["markets"].push_back({{"commodity", shocked[m].commodity}, {"market", shocked[m].market},
                               {"demand", shocked[m].demand}, {"baseline_delivered", base[m].delivered},
                               {"shocked_delivered", shocked[m].delivered}, {"stranded", shocked[m].stranded}});
  }
  // Definitions in network/RoutingCosts.h and docs/risk.md: extra_cost is rerouting only, never negative.
  const RoutingCosts& costs = outcome.costs;
  json["baseline_cost"] = costs.baseline;
  json["shocked_cost"] = costs.shocked;
  json["delivered_cost_at_baseline"] = costs.delivered_at_baseline;
  json["stranded_cost_at_baseline"] = costs.stranded_at_baseline;
  json["extra_cost"] = costs.extra;
  auto& loss = json["loss"] = Json::object();
  for (const char* part : {"direct", "propagated"}) {
    auto& by_domain = loss[part] = Json::object();
    const auto& values = std::string(part) == "direct" ? outcome.direct : outcome.propagated;
    for (size_t d = 0; d < model.domains.size(); ++d) by_domain[model.domains[d].id] = values[d];
  }
  loss["direct_total"] = outcome.direct_total;
  loss["total"] = outcome.total;
  loss["unit"] = "weighted share of a year's ties lost (domain losses are shares of the domain)";
  // Money beside the index: each dollar once (a same_dollars coupling adds none), and the
  // domains without a money valuation in their own unit, never added to money.
  // (Sub-objects are filled apart and then stored: a reference into an ordered_json dangles once a key is added.)
  const MoneyLoss& money = *run.money;
  const std::vector<double> usd = money.by_domain(outcome.direct, outcome.propagated);
  Json by_domain = Json::object(), in_unit = Json::object();
  double total_usd = 0;
  for (size_t d = 0; d < model.domains.size(); ++d) {
    const DomainMoney& entry = money.domains()[d];
    if (entry.valued) {
      by_domain[model.domains[d].id] = usd[d];
      total_usd += usd[d];
    } else {
      in_unit[model.domains[d].id] = {{"loss", outcome.propagated[d] * entry.unit_total},
                                      {"unit", model.domains[d].unit},
                                      {"year", entry.unit_total > 0 ? Json(entry.unit_year.year) : Json(nullptr)}};
    }
  }
  loss["usd"] = by_domain;
  loss["total_usd"] = money.any() ? Json(total_usd) : Json(nullptr);
  loss["total_gdp"] = money.any() ? gdp_share(money, total_usd) : Json(nullptr);
  loss["not_money"] = in_unit;
  add_money_basis(json, money, model);
  return json;
}

std::string shock_text(const ShockRun& run) {
  const Model& model = run.snapshot->model;
  const CorridorNetwork& network = run.snapshot->network;
  const ScenarioOutcome& outcome = run.outcome;
  const Scenario& scenario = *run.scenario;
  std::string text = fmt::format("Scenario {} on {}: {}\n\n", scenario.name, model.origin, scenario.description);
  if (!run.warnings.empty()) text += shock_warnings_text(run.warnings) + "\n";
  text += fmt::format("{:<40} {:>10} {:>10} {:>10}\n", "edge", "capacity", "baseline", "shocked");
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const auto& edge = network.edges[e];
    text += fmt::format("{:<40} {:>10.3f} {:>10.3f} {:>10.3f}{}\n", edge.label(), edge.capacity,
                        outcome.baseline.edge_flow[e], outcome.shocked.edge_flow[e],
                        outcome.capacity_factor[e] < 1 ? fmt::format("  (x{:g})", outcome.capacity_factor[e]) : "");
  }
  text += "\nStranded (per year, in the commodity's unit)\n";
  for (const auto& flow : market_flows(network, outcome.shocked))
    text += fmt::format("  {:<8} -> {:<16} demand {:>9.3f}  delivered {:>9.3f}  stranded {:>9.3f}\n", flow.commodity,
                        flow.market, flow.demand, flow.delivered, flow.stranded);
  const RoutingCosts& costs = outcome.costs;
  text += fmt::format("\nRouting cost: baseline {:.2f} = delivered volume {:.2f} + stranded volume {:.2f} (at baseline routes)\n"
                      "              shocked {:.2f}; extra cost of rerouting the delivered volume {:.2f}\n",
                      costs.baseline, costs.delivered_at_baseline, costs.stranded_at_baseline, costs.shocked, costs.extra);
  text += fmt::format("\nLoss by domain (share of the domain's yearly flow; spectral radius of Gamma {:.3f})\n",
                      run.losses->coupling().spectral_radius());
  for (size_t d = 0; d < model.domains.size(); ++d)
    if (outcome.direct[d] > 0 || outcome.propagated[d] > 0)
      text += fmt::format("  {:<20} direct {:.4f}  propagated {:.4f}\n", model.domains[d].id, outcome.direct[d],
                          outcome.propagated[d]);
  text += fmt::format("Weighted total: direct {:.4f}, propagated {:.4f}\n", outcome.direct_total, outcome.total);
  const MoneyLoss& money = *run.money;
  text += "\n" + money_basis_text(money, model);
  const std::vector<double> usd = money.by_domain(outcome.direct, outcome.propagated);
  double total_usd = 0;
  for (size_t d = 0; d < model.domains.size(); ++d) {
    const DomainMoney& entry = money.domains()[d];
    if (entry.valued) total_usd += usd[d];
    if (entry.valued && usd[d] > 0) text += fmt::format("  {:<20} {}\n", model.domains[d].id, usd_text(money, usd[d]));
    if (!entry.valued && outcome.propagated[d] > 0)
      text += fmt::format("  {:<20} {:.4g} {} (not money)\n", model.domains[d].id,
                          outcome.propagated[d] * entry.unit_total, model.domains[d].unit);
  }
  if (money.any()) text += fmt::format("Loss in money: {}\n", usd_text(money, total_usd));
  return text;
}

}  // namespace tengerim
