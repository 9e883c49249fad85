#include "policy/PortfolioOptimizer.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include <fmt/format.h>

#include "network/MinCostFlow.h"
#include "policy/Portfolio.h"
#include "policy/Pressure.h"
#include "risk/Coupling.h"

namespace tengerim {
namespace {

constexpr double kFlowZero = 1e-9;
constexpr double kStepZero = 1e-6;

struct Route {
  size_t demand = 0;
  std::vector<size_t> edges;
  std::string direction;  // of the first foreign state on it ("" when none is a direction)
  std::string label;
};

// Every simple path of `commodity` from `from` to `to`.
void simple_paths(const CorridorNetwork& network, const std::string& commodity, const std::string& from,
                  const std::string& to, std::vector<size_t>& path, std::vector<std::string>& visited,
                  std::vector<std::vector<size_t>>& out) {
  if (from == to) {
    out.push_back(path);
    return;
  }
  visited.push_back(from);
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const CorridorEdge& edge = network.edges[e];
    if (edge.commodity != commodity || edge.from != from) continue;
    if (std::find(visited.begin(), visited.end(), edge.to) != visited.end()) continue;
    path.push_back(e);
    simple_paths(network, commodity, edge.to, to, path, visited, out);
    path.pop_back();
  }
  visited.pop_back();
}

// Peels one path of positive residual flow from `from` to `to` (depth first).
bool residual_path(const CorridorNetwork& network, const std::vector<double>& residual, const std::string& commodity,
                   const std::string& from, const std::string& to, std::vector<size_t>& path,
                   std::vector<std::string>& visited) {
  if (from == to) return true;
  visited.push_back(from);
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const CorridorEdge& edge = network.edges[e];
    if (edge.commodity != commodity || edge.from != from || residual[e] <= kFlowZero) continue;
    if (std::find(visited.begin(), visited.end(), edge.to) != visited.end()) continue;
    path.push_back(e);
    if (residual_path(network, residual, commodity, edge.to, to, path, visited)) return true;
    path.pop_back();
  }
  return false;
}

class ProblemBuilder {
 public:
  ProblemBuilder(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                 const Scenario& scenario, const PressureSpec& spec)
      : model_(model), sheet_(sheet), network_(network), scenario_(scenario), spec_(spec),
        portfolio_(Portfolio::status_quo(model, sheet)) {
    std::vector<double> weights;
    for (const auto& domain : model.domains) weights.push_back(domain.weight.value);
    const std::vector<double> m = Coupling(model, scenario).multipliers(weights);
    for (size_t d = 0; d < model.domains.size(); ++d) multiplier_[model.domains[d].id] = m[d];
  }

  CvarProblem build(const std::vector<double>& cuts, const OptimizeOptions& options) {
    problem_.alpha = options.alpha;
    problem_.budget = options.budget;
    problem_.cuts = cuts;
    const size_t count = portfolio_.directions.size();
    problem_.alignment0 = portfolio_.alignment();
    problem_.alignment_terms.assign(count, {});
    for (const auto& exposure : portfolio_.domains) {
      std::string commodity = route_commodity(exposure.id);
      if (!commodity.empty() && add_routes(exposure, commodity)) continue;
      add_shares(exposure);
    }
    for (const auto& shock : scenario_.shocks) add_exposure(shock);
    const std::vector<size_t> power_index = power_indices(spec_, portfolio_.directions);
    for (size_t i = 0; i < spec_.powers.size(); ++i) {
      const size_t c = power_index[i];
      double weight = 0;  // loss when c cuts every domain it holds at once (pressure 1)
      for (const auto& exposure : portfolio_.domains)
        if (!exposure.stock) weight += multiplier_.at(exposure.id) * exposure.share[c] * (1 - exposure.sigma[c]);
      problem_.powers.push_back({c, spec_.powers[i].tolerance.value, spec_.powers[i].strength.value, weight});
    }
    for (const auto& group : spec_.groups) problem_.groups.push_back({group.share.value, group.orientation});
    problem_.tension_weight = spec_.adjustment.tension_weight.value;
    return problem_;
  }

  // Per variable: its domain, and what a step names (a direction or a route).
  std::vector<std::string> variable_domain, variable_name, variable_unit, variable_commodity;

 private:
  std::string route_commodity(const std::string& domain) const {
    if (network_.empty()) return "";
    for (const auto& commodity : network_.commodities)
      if (commodity.domain == domain && commodity.domain_share == 1) return commodity.id;  // the whole domain
    return "";
  }

  bool focal_origin(const CorridorDemand& demand) const {
    const CorridorNode* origin = network_.find_node(demand.origin);
    return origin && origin->country == model_.focal;
  }

  size_t direction_index(const std::string& id) const {
    auto found = std::find(portfolio_.directions.begin(), portfolio_.directions.end(), id);
    return static_cast<size_t>(found - portfolio_.directions.begin());
  }

  size_t add_variable(CvarVariable variable, const std::string& domain, const std::string& name,
                      const std::string& unit, const std::string& commodity) {
    problem_.variables.push_back(std::move(variable));
    variable_domain.push_back(domain);
    variable_name.push_back(name);
    variable_unit.push_back(unit);
    variable_commodity.push_back(commodity);
    return problem_.variables.size() - 1;
  }

  // "origin: the foreign legs", e.g. "tengiz: aktau-baku > btc" (legs into a world market left out).
  std::string route_label(const std::string& origin, const std::vector<size_t>& edges) const {
    std::string legs;
    for (size_t e : edges) {
      const CorridorEdge& edge = network_.edges[e];
      const CorridorNode* to = network_.find_node(edge.to);
      bool foreign = std::any_of(edge.controllers.begin(), edge.controllers.end(),
                                 [&](const std::string& c) { return c != model_.focal; });
      if (foreign && !(to && to->country == kWorldCode)) legs += (legs.empty() ? "" : " > ") + edge.id;
    }
    return origin + ": " + (legs.empty() ? std::string("domestic legs only") : legs);
  }

  bool add_routes(const DomainExposure& exposure, const std::string& commodity) {
    const FlowSolution baseline = route(network_);
    // Decompose the routed flow into paths: other states' demands first (held fixed).
    std::vector<double> residual = baseline.edge_flow;
    std::vector<std::map<std::vector<size_t>, double>> flows(network_.demands.size());
    std::vector<size_t> order;
    for (size_t k = 0; k < network_.demands.size(); ++k)
      if (network_.demands[k].commodity == commodity && !focal_origin(network_.demands[k])) order.push_back(k);
    for (size_t k = 0; k < network_.demands.size(); ++k)
      if (network_.demands[k].commodity == commodity && focal_origin(network_.demands[k])) order.push_back(k);
    for (size_t k : order) {
      double remaining = baseline.delivered[k];
      for (int guard = 0; remaining > kFlowZero && guard < 1000; ++guard) {
        std::vector<size_t> path;
        std::vector<std::string> visited;
        if (!residual_path(network_, residual, commodity, network_.demands[k].origin, network_.demands[k].market,
                           path, visited))
          break;
        double amount = remaining;
        for (size_t e : path) amount = std::min(amount, residual[e]);
        for (size_t e : path) residual[e] -= amount;
        flows[k][path] += amount;
        remaining -= amount;
      }
    }
    std::vector<double> fixed(network_.edges.size(), 0);
    double volume = 0;
    for (size_t k = 0; k < network_.demands.size(); ++k) {
      if (network_.demands[k].commodity != commodity) continue;
      if (focal_origin(network_.demands[k])) volume += baseline.delivered[k];
      else
        for (const auto& [path, amount] : flows[k])
          for (size_t e : path) fixed[e] += amount;
    }
    if (volume <= kFlowZero) return false;
    const std::string unit = network_.find_commodity(commodity)->unit;
    const double delta = spec_.adjustment.max_change.value * volume;
    const double cost = spec_.adjustment.move_cost.value * exposure.weight / volume / 2;
    std::map<size_t, LinearTerms> edge_terms;
    for (size_t k : order) {
      if (!focal_origin(network_.demands[k])) continue;
      const CorridorDemand& demand = network_.demands[k];
      std::vector<std::vector<size_t>> paths;
      std::vector<size_t> path;
      std::vector<std::string> visited;
      simple_paths(network_, commodity, demand.origin, demand.market, path, visited, paths);
      CvarEquality equality{"delivered from " + demand.origin, {}, baseline.delivered[k]};
      std::vector<std::string> labels;
      for (const auto& edges : paths) labels.push_back(route_label(demand.origin, edges));
      for (size_t r = 0; r < paths.size(); ++r) {
        const std::vector<size_t>& edges = paths[r];
        Route entry{k, edges, "", labels[r]};
        if (std::count(labels.begin(), labels.end(), labels[r]) > 1) {  // ambiguous: every edge
          entry.label = demand.origin + ":";
          for (size_t e : edges) entry.label += " > " + network_.edges[e].id;
        }
        for (size_t e : edges)
          for (const auto& controller : network_.edges[e].controllers)
            if (entry.direction.empty() && controller != model_.focal) entry.direction = model_.direction_of(controller);
        auto found = flows[k].find(edges);
        CvarVariable variable{entry.label, found == flows[k].end() ? 0.0 : found->second, 0,
                              std::numeric_limits<double>::infinity(), delta, cost};
        size_t v = add_variable(variable, exposure.id, entry.label, unit, commodity);
        equality.variables.push_back(v);
        for (size_t e : edges) edge_terms[e].push_back({v, 1.0});
        size_t c = direction_index(entry.direction);
        if (c < portfolio_.directions.size())
          problem_.alignment_terms[c].push_back({v, exposure.alignment_weight / volume});
        routes_.push_back(std::move(entry));
        route_variable_.push_back(v);
        route_domain_.push_back(exposure.id);
        route_volume_.push_back(volume);
      }
      problem_.equalities.push_back(std::move(equality));
    }
    for (auto& [e, terms] : edge_terms) {
      const CorridorEdge& edge = network_.edges[e];
      problem_.limits.push_back({fmt::format("capacity of {} ({:g} {})", edge.id, edge.capacity, edge.unit),
                                 std::move(terms), std::max(0.0, edge.capacity - fixed[e])});
    }
    return true;
  }

  void add_shares(const DomainExposure& exposure) {
    CvarEquality equality{"total of " + exposure.id, {}, 0};
    const double delta = exposure.movable ? spec_.adjustment.max_change.value : 0.0;  // a stock or no lever: held
    const double cost = spec_.adjustment.move_cost.value * exposure.weight / 2;
    for (size_t c = 0; c < portfolio_.directions.size(); ++c) {
      CvarVariable variable{exposure.id + " share of " + portfolio_.directions[c], exposure.share[c], 0, 1, delta,
                            cost};
      size_t v = add_variable(variable, exposure.id, portfolio_.directions[c], "share", "");
      equality.variables.push_back(v);
      equality.total += exposure.share[c];
      problem_.alignment_terms[c].push_back({v, exposure.alignment_weight});
      share_variable_[{exposure.id, c}] = v;
    }
    problem_.equalities.push_back(std::move(equality));
  }

  bool controls(const Route& route, const Shock& shock) const {
    for (size_t e : route.edges) {
      if (shock.edge) {
        if (*shock.edge == e || std::count(shock.edges_taken.begin(), shock.edges_taken.end(), e)) return true;
        continue;
      }
      for (const auto& controller : network_.edges[e].controllers) {
        if (shock.partner.empty() ? model_.direction_of(controller) == shock.direction : controller == shock.partner)
          return true;
        for (const auto& bloc : model_.blocs)
          if (bloc.id == shock.partner && std::count(bloc.members.begin(), bloc.members.end(), controller))
            return true;
      }
    }
    return false;
  }

  double partner_share(const DomainExposure& exposure, const std::string& partner) const {
    const YearSheet* year = sheet_.find_year(exposure.year);
    if (!year) return 0;
    for (const auto& domain : year->domains)
      if (domain.id == exposure.id)
        for (const auto& entry : domain.partners_by_share)
          if (entry.partner == partner) return entry.share;
    return 0;
  }

  void add_exposure(const Shock& shock) {
    LinearTerms terms;
    double constant = 0;
    const double time = std::min(shock.duration, 1.0);
    auto exposure = std::find_if(portfolio_.domains.begin(), portfolio_.domains.end(),
                                 [&](const DomainExposure& d) { return d.id == shock.domain; });
    if (!shock.domain.empty() && exposure != portfolio_.domains.end()) {
      const size_t c = direction_index(shock.direction);
      const double sigma = c < portfolio_.directions.size() ? exposure->sigma[c] : 0.0;
      const double unit_loss = time * (1 - sigma) * multiplier_.at(exposure->id);
      bool routed = false;
      for (size_t r = 0; r < routes_.size(); ++r) {
        if (route_domain_[r] != exposure->id) continue;
        routed = true;
        if (controls(routes_[r], shock)) terms.push_back({route_variable_[r], unit_loss / route_volume_[r]});
      }
      if (!routed && c < portfolio_.directions.size()) {
        const size_t v = share_variable_.at({exposure->id, c});
        if (shock.partner.empty()) {
          terms.push_back({v, unit_loss});
        } else if (exposure->share[c] > 0) {  // the partner keeps its part of its direction's share
          terms.push_back({v, unit_loss * partner_share(*exposure, shock.partner) / exposure->share[c]});
        }
      } else if (!routed) {
        constant = unit_loss * partner_share(*exposure, shock.partner);
      }
    }
    problem_.exposure.push_back(std::move(terms));
    problem_.exposure_constant.push_back(constant);
  }

  const Model& model_;
  const BalanceSheet& sheet_;
  const CorridorNetwork& network_;
  const Scenario& scenario_;
  const PressureSpec& spec_;
  Portfolio portfolio_;
  std::map<std::string, double> multiplier_;
  CvarProblem problem_;
  std::vector<Route> routes_;
  std::vector<size_t> route_variable_;
  std::vector<std::string> route_domain_;
  std::vector<double> route_volume_;
  std::map<std::pair<std::string, size_t>, size_t> share_variable_;
};

// Pairs each domain's decreases with its increases, largest first.
std::vector<PlanStep> plan_steps(const ProblemBuilder& builder, const CvarProblem& problem,
                                 const std::vector<double>& x) {
  std::vector<PlanStep> steps;
  std::vector<std::string> domains;
  for (const auto& domain : builder.variable_domain)
    if (std::find(domains.begin(), domains.end(), domain) == domains.end()) domains.push_back(domain);
  for (const auto& domain : domains) {
    std::vector<std::pair<double, size_t>> down, up;
    for (size_t v = 0; v < x.size(); ++v) {
      if (builder.variable_domain[v] != domain) continue;
      double change = x[v] - problem.variables[v].baseline;
      if (change < -kStepZero) down.push_back({-change, v});
      if (change > kStepZero) up.push_back({change, v});
    }
    std::sort(down.rbegin(), down.rend());
    std::sort(up.rbegin(), up.rend());
    size_t i = 0, j = 0;
    while (i < down.size() && j < up.size()) {
      double amount = std::min(down[i].first, up[j].first);
      if (amount > kStepZero)
        steps.push_back({domain, builder.variable_name[down[i].second], builder.variable_name[up[j].second], amount,
                         builder.variable_unit[down[i].second], builder.variable_commodity[down[i].second]});
      down[i].first -= amount;
      up[j].first -= amount;
      if (down[i].first <= kStepZero) ++i;
      if (up[j].first <= kStepZero) ++j;
    }
  }
  return steps;
}

}  // namespace

OptimizeResult optimize_portfolio(const Model& model, const BalanceSheet& sheet, const CorridorNetwork& network,
                                  const Scenario& scenario, const PressureSpec& spec, const std::vector<double>& cuts,
                                  const OptimizeOptions& options) {
  ProblemBuilder builder(model, sheet, network, scenario, spec);
  OptimizeResult result;
  result.problem = builder.build(cuts, options);
  std::vector<double> baseline;
  for (const auto& variable : result.problem.variables) baseline.push_back(variable.baseline);
  result.before = evaluate(result.problem, baseline);
  result.after = solve_cvar(result.problem);
  result.steps = plan_steps(builder, result.problem, result.after.x);
  return result;
}

}  // namespace tengerim
