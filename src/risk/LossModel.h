#pragma once
// Direct and propagated loss of a scenario (docs/model.md §4), in units of
// "share of the domain's yearly flow lost": a shock by direction c cutting a
// fraction f of domain d loses f * S[d][c] * (1 - sigma[d][c]) * min(duration, 1)
// (what substitution does not recover within the year). For a domain that a
// corridor commodity is linked to (commodities.csv), the loss is instead what
// rerouting cannot recover: the rise in the focal state's stranded volume of
// that commodity, as a share of its demand. Totals weigh domains by w_d.
#include <optional>
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/CorridorNetwork.h"
#include "model/Model.h"
#include "network/FlowSolution.h"
#include "network/RouteCache.h"
#include "network/RoutingCosts.h"
#include "risk/Coupling.h"
#include "risk/Scenario.h"

namespace tengerim {

struct ScenarioOutcome {
  std::vector<double> capacity_factor;  // per edge, after every shock and edge change
  FlowSolution baseline;
  FlowSolution shocked;
  RoutingCosts costs;              // what moving the delivered volume costs, and the extra of rerouting
  std::vector<double> direct;      // per model domain
  std::vector<double> propagated;  // (I - Gamma)^-1 direct
  double direct_total = 0;         // sum_d w_d direct_d
  double total = 0;                // sum_d w_d propagated_d
};

class LossModel {
 public:
  // `year`: the exposure year; each domain's shares are from its latest sheet
  // year at or before it (none: its latest year). `weights`: w_d per model
  // domain, a sensitivity run's drawn point (empty: the declared weights).
  LossModel(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network, const Scenario& scenario,
            std::optional<int> year = std::nullopt, std::vector<double> weights = {}, RouteCache* routes = nullptr);

  // Every shock at its `cut` and every edge change at once, routed jointly.
  ScenarioOutcome evaluate() const;
  // One shock alone at cut fraction `cut` (edge changes left out): direct loss per domain.
  std::vector<double> shock_direct_loss(size_t shock, double cut) const;
  // The edges a shock cuts: an edge closure's own edge and, with an actor, the
  // edges the actor controls; a direction's shock on a routed domain, that
  // direction's edges of the domain's commodity; none for a shock on flows.
  std::vector<size_t> edges_cut(const Shock& shock) const;

  const Coupling& coupling() const { return coupling_; }
  const std::vector<double>& weights() const { return weights_; }
  const Model& model() const { return model_; }
  const CorridorNetwork& network() const { return network_; }
  const Scenario& scenario() const { return scenario_; }

 private:
  struct Exposure {
    bool has_data = false;
    std::vector<double> direction_share;  // per model direction
    std::vector<double> direction_sigma;
    std::vector<std::pair<std::string, double>> partner_share;
  };

  bool controlled_by(const CorridorEdge& edge, const Shock& shock) const;
  // Scales `factor` (per edge) for the shock at `cut`: its one edge, or the
  // edges of `commodity` that its direction or partner controls.
  FlowSolution solve(const std::vector<double>& capacity_factor) const;  // through `routes_` when given
  void apply_cut(const Shock& shock, const std::string& commodity, double cut, std::vector<double>& factor) const;
  // The year fraction a closure counts in each domain its edges' commodities feed (the longest wins).
  void mark_duration(const Shock& shock, std::vector<double>& time) const;
  void mark_edge_duration(size_t edge, double duration, std::vector<double>& time) const;
  std::string commodity_of(const std::string& domain) const;  // "" when none is linked
  // Substitution-limited loss of a shock in a domain without a corridor commodity.
  double substitution_loss(const Shock& shock, double cut) const;
  // Per linked domain: rise in focal stranded share between two routings.
  void add_corridor_losses(const FlowSolution& baseline, const FlowSolution& shocked,
                           const std::vector<double>& time_factor_by_domain, std::vector<double>& direct) const;
  size_t domain_index(const std::string& id) const;

  const Model& model_;
  const CorridorNetwork& network_;
  const Scenario& scenario_;
  Coupling coupling_;
  std::vector<double> weights_;      // w_d, declared
  RouteCache* routes_ = nullptr;  // shared between the points of an envelope; may be null
  std::vector<Exposure> exposure_;   // per model domain, from its latest year with data
  FlowSolution baseline_;
};

}  // namespace tengerim
