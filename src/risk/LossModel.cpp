#include "risk/LossModel.h"

#include <algorithm>

#include "common/Error.h"
#include "network/MinCostFlow.h"
#include "network/RoutingCosts.h"

namespace tengerim {
namespace {

double time_factor(double duration) { return std::min(duration, 1.0); }

double sigma_for(const Domain& domain, const std::string& direction) {
  auto found = domain.substitutability_by_direction.find(direction);
  return found != domain.substitutability_by_direction.end() ? found->second.value : domain.substitutability.value;
}

}  // namespace

LossModel::LossModel(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                     const Scenario& scenario, std::optional<int> year, std::vector<double> weights,
                     RouteCache* routes)
    : model_(model), network_(network), scenario_(scenario), coupling_(model, scenario), weights_(std::move(weights)),
      routes_(routes) {
  if (weights_.size() != model.domains.size()) {
    weights_.clear();
    for (const auto& domain : model.domains) weights_.push_back(domain.weight.value);
  }
  for (const auto& domain : model.domains) {
    Exposure exposure;
    exposure.direction_share.assign(model.directions.size(), 0);
    exposure.direction_sigma.assign(model.directions.size(), sigma_for(domain, ""));
    for (auto sheet_year = sheet.years.rbegin(); sheet_year != sheet.years.rend() && !exposure.has_data; ++sheet_year)
      for (const auto& entry : sheet_year->domains) {
        if (entry.id != domain.id || (year && sheet_year->year > *year)) continue;
        exposure.has_data = true;
        for (size_t c = 0; c < model.directions.size(); ++c)
          for (const auto& share : entry.directions)
            if (share.direction == model.directions[c].id) {
              exposure.direction_share[c] = share.share;
              exposure.direction_sigma[c] = share.substitutability;
            }
        for (const auto& partner : entry.partners_by_share)
          exposure.partner_share.emplace_back(partner.partner, partner.share);
      }
    exposure_.push_back(std::move(exposure));
  }
  if (!network.empty()) baseline_ = solve({});
}

FlowSolution LossModel::solve(const std::vector<double>& capacity_factor) const {
  return routes_ ? routes_->route(capacity_factor) : route(network_, capacity_factor);
}

size_t LossModel::domain_index(const std::string& id) const {
  for (size_t d = 0; d < model_.domains.size(); ++d)
    if (model_.domains[d].id == id) return d;
  throw Error(ErrorKind::Internal, {scenario_.file, 0, ""}, "unchecked domain " + id);
}

std::string LossModel::commodity_of(const std::string& domain) const {
  for (const auto& commodity : network_.commodities)
    if (commodity.domain == domain && commodity.domain_share == 1) return commodity.id;  // the whole domain
  return "";
}

bool LossModel::controlled_by(const CorridorEdge& edge, const Shock& shock) const {
  for (const auto& controller : edge.controllers) {
    if (shock.partner.empty() ? model_.direction_of(controller) == shock.direction : controller == shock.partner)
      return true;
    for (const auto& bloc : model_.blocs)
      if (bloc.id == shock.partner && std::count(bloc.members.begin(), bloc.members.end(), controller)) return true;
  }
  return false;
}

double LossModel::substitution_loss(const Shock& shock, double cut) const {
  size_t d = domain_index(shock.domain);
  const Exposure& exposure = exposure_[d];
  if (!exposure.has_data) return 0;
  double share = 0, sigma = 0;
  if (shock.partner.empty()) {
    for (size_t c = 0; c < model_.directions.size(); ++c)
      if (model_.directions[c].id == shock.direction) {
        share = exposure.direction_share[c];
        sigma = exposure.direction_sigma[c];
      }
  } else {
    for (const auto& [partner, value] : exposure.partner_share)
      if (partner == shock.partner) share = value;
    sigma = sigma_for(model_.domains[d], shock.direction);
  }
  return cut * share * (1 - sigma) * time_factor(shock.duration);
}

void LossModel::add_corridor_losses(const FlowSolution& baseline, const FlowSolution& shocked,
                                    const std::vector<double>& time_factor_by_domain,
                                    std::vector<double>& direct) const {
  for (const auto& commodity : network_.commodities) {
    if (commodity.domain.empty()) continue;
    double volume = 0, extra = 0;
    for (size_t k = 0; k < network_.demands.size(); ++k) {
      const auto& demand = network_.demands[k];
      const CorridorNode* origin = network_.find_node(demand.origin);
      if (demand.commodity != commodity.id || !origin || origin->country != model_.focal) continue;
      volume += demand.volume;
      extra += shocked.stranded[k] - baseline.stranded[k];
    }
    size_t d = domain_index(commodity.domain);
    if (volume > 0) direct[d] += std::max(0.0, extra / volume) * commodity.domain_share * time_factor_by_domain[d];
  }
}

std::vector<double> LossModel::shock_direct_loss(size_t index, double cut) const {
  const Shock& shock = scenario_.shocks[index];
  std::vector<double> direct(model_.domains.size(), 0);
  const std::string commodity = shock.edge ? network_.edges[*shock.edge].commodity : commodity_of(shock.domain);
  if (!shock.edge && (commodity.empty() || network_.empty())) {
    direct[domain_index(shock.domain)] = substitution_loss(shock, cut);
    return direct;
  }
  std::vector<double> time(model_.domains.size(), 0);
  mark_duration(shock, time);
  if (std::all_of(time.begin(), time.end(), [](double t) { return t == 0; }))
    return direct;  // only edges whose commodities are linked to no domain
  std::vector<double> factor(network_.edges.size(), 1.0);
  apply_cut(shock, commodity, cut, factor);
  add_corridor_losses(baseline_, solve(factor), time, direct);
  return direct;
}

void LossModel::mark_edge_duration(size_t edge, double duration, std::vector<double>& time) const {
  for (const auto& commodity : network_.commodities)
    if (commodity.id == network_.edges[edge].commodity && !commodity.domain.empty()) {
      const size_t d = domain_index(commodity.domain);
      time[d] = std::max(time[d], time_factor(duration));
    }
}

void LossModel::mark_duration(const Shock& shock, std::vector<double>& time) const {
  if (!shock.edge) {
    const size_t d = domain_index(shock.domain);
    time[d] = std::max(time[d], time_factor(shock.duration));
    return;
  }
  mark_edge_duration(*shock.edge, shock.duration, time);
  for (size_t e : shock.edges_taken) mark_edge_duration(e, shock.duration, time);
}

std::vector<size_t> LossModel::edges_cut(const Shock& shock) const {
  if (network_.empty()) return {};
  std::vector<double> factor(network_.edges.size(), 1.0);
  const std::string commodity = shock.edge ? network_.edges[*shock.edge].commodity : commodity_of(shock.domain);
  apply_cut(shock, commodity, 1.0, factor);
  std::vector<size_t> out;
  for (size_t e = 0; e < factor.size(); ++e)
    if (factor[e] < 1) out.push_back(e);
  return out;
}

void LossModel::apply_cut(const Shock& shock, const std::string& commodity, double cut,
                          std::vector<double>& factor) const {
  if (shock.edge) {
    factor[*shock.edge] *= 1 - cut;
    for (size_t e : shock.edges_taken) factor[e] *= 1 - cut;  // the actor's other edges
    return;
  }
  for (size_t e = 0; e < network_.edges.size(); ++e)
    if (network_.edges[e].commodity == commodity && controlled_by(network_.edges[e], shock)) factor[e] *= 1 - cut;
}

ScenarioOutcome LossModel::evaluate() const {
  ScenarioOutcome outcome;
  const size_t domains = model_.domains.size();
  outcome.direct.assign(domains, 0);
  std::vector<double> time(domains, 0);  // per corridor domain: the longest shock or closure touching it
  if (!network_.empty()) {
    outcome.capacity_factor.assign(network_.edges.size(), 1.0);
    for (const auto& change : scenario_.edges) {
      outcome.capacity_factor[change.edge] *= change.factor;
      mark_edge_duration(change.edge, change.duration, time);
      for (size_t e : change.edges_taken) {
        outcome.capacity_factor[e] *= change.factor;
        mark_edge_duration(e, change.duration, time);
      }
    }
  }
  for (const auto& shock : scenario_.shocks) {
    std::string commodity = shock.edge ? network_.edges[*shock.edge].commodity : commodity_of(shock.domain);
    if (!shock.edge && (commodity.empty() || network_.empty())) {
      outcome.direct[domain_index(shock.domain)] += substitution_loss(shock, shock.cut);
      continue;
    }
    mark_duration(shock, time);
    apply_cut(shock, commodity, shock.cut, outcome.capacity_factor);
  }
  if (!network_.empty()) {
    outcome.baseline = baseline_;
    outcome.shocked = solve(outcome.capacity_factor);
    outcome.costs = compare_costs(network_, outcome.baseline, outcome.shocked);
    add_corridor_losses(outcome.baseline, outcome.shocked, time, outcome.direct);
  }
  outcome.propagated = coupling_.propagate(outcome.direct);
  for (size_t d = 0; d < domains; ++d) {
    outcome.direct_total += weights_[d] * outcome.direct[d];
    outcome.total += weights_[d] * outcome.propagated[d];
  }
  return outcome;
}

}  // namespace tengerim
