#include "cli/ShockCommand.h"

#include <fmt/format.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/CommandOutput.h"
#include "cli/ModelContext.h"
#include "network/MinCostFlow.h"
#include "risk/LossModel.h"
#include "report/ShockJson.h"

namespace tengerim {
namespace {

struct ShockOptions {
  std::string model;
  std::string scenario;
  CommandOutput output;
};

std::string shock_text(const Model& model, const CorridorNetwork& network, const Scenario& scenario,
                       const LossModel& losses, const ScenarioOutcome& outcome) {
  std::string text = fmt::format("Scenario {} on {}: {}\n\n", scenario.name, model.origin, scenario.description);
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
                      losses.coupling().spectral_radius());
  for (size_t d = 0; d < model.domains.size(); ++d)
    if (outcome.direct[d] > 0 || outcome.propagated[d] > 0)
      text += fmt::format("  {:<20} direct {:.4f}  propagated {:.4f}\n", model.domains[d].id, outcome.direct[d],
                          outcome.propagated[d]);
  text += fmt::format("Weighted total: direct {:.4f}, propagated {:.4f}\n", outcome.direct_total, outcome.total);
  return text;
}

void run_shock(ShockOptions& options) {
  auto& timer = options.output.timer;
  ModelContext context = ModelContext::load(options.model, timer);
  context.read_scenario(options.scenario);
  context.measure(timer);
  const auto& [source, model, network, scenario, sheet] = context;
  timer.start("simulate");
  LossModel losses(model, sheet, network, scenario);
  ScenarioOutcome outcome = losses.evaluate();
  timer.start("report");
  std::string text;
  if (options.output.format == "json") {
    auto json = shock_json(model, network, scenario, losses, outcome);
    options.output.add_profile(json);
    text = json.dump(2) + "\n";
  } else {
    text = shock_text(model, network, scenario, losses, outcome);
  }
  timer.stop();
  options.output.emit(text);
}

}  // namespace

void add_shock_command(CLI::App& app) {
  auto options = std::make_shared<ShockOptions>();
  auto* command = app.add_subcommand("shock", "Apply a scenario once: rerouted flows, stranded volumes, extra cost, losses");
  command->add_option("model", options->model, "Model folder, or builtin:NAME (default: builtin:kaz)");
  command->add_option("--scenario", options->scenario, "Built-in scenario name or a scenario .toml file")->required();
  options->output.declare(*command, {"text", "json"});
  command->callback([options] { run_shock(*options); });
}

}  // namespace tengerim
