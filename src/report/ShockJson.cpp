#include "report/ShockJson.h"

#include "network/MinCostFlow.h"

namespace tengerim {

nlohmann::json shock_json(const Model& model, const CorridorNetwork& network, const Scenario& scenario,
                          const LossModel& losses, const ScenarioOutcome& outcome) {
  nlohmann::json json;
  json["command"] = "shock";
  json["model"] = model.origin;
  json["scenario"] = scenario.name;
  json["spectral_radius"] = losses.coupling().spectral_radius();
  json["edges"] = nlohmann::json::array();
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const auto& edge = network.edges[e];
    json["edges"].push_back({{"from", edge.from}, {"to", edge.to}, {"commodity", edge.commodity},
                             {"mode", edge.mode}, {"capacity", edge.capacity}, {"unit", edge.unit},
                             {"capacity_factor", outcome.capacity_factor[e]},
                             {"baseline", outcome.baseline.edge_flow[e]}, {"shocked", outcome.shocked.edge_flow[e]}});
  }
  json["stranded"] = nlohmann::json::object();
  json["markets"] = nlohmann::json::array();
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
  for (size_t d = 0; d < model.domains.size(); ++d) {
    json["loss"]["direct"][model.domains[d].id] = outcome.direct[d];
    json["loss"]["propagated"][model.domains[d].id] = outcome.propagated[d];
  }
  json["loss"]["direct_total"] = outcome.direct_total;
  json["loss"]["total"] = outcome.total;
  json["loss"]["unit"] = "weighted share of a year's ties lost (domain losses are shares of the domain)";
  return json;
}

}  // namespace tengerim
