#include "network/RoutingCosts.h"

#include <algorithm>
#include <cmath>

#include "network/MinCostFlow.h"

namespace tengerim {

RoutingCosts compare_costs(const CorridorNetwork& network, const FlowSolution& baseline, const FlowSolution& shocked) {
  CorridorNetwork delivered = network;
  for (size_t k = 0; k < delivered.demands.size(); ++k) delivered.demands[k].volume = shocked.delivered[k];
  RoutingCosts costs;
  costs.baseline = baseline.routing_cost;
  costs.shocked = shocked.routing_cost;
  costs.delivered_at_baseline = route(delivered).routing_cost;
  // Both LPs are solved to a tolerance: a difference below it is no cost.
  const double tolerance = 1e-9 * std::max(1.0, costs.shocked);
  auto settle = [tolerance](double value) { return std::abs(value) < tolerance ? 0.0 : value; };
  costs.extra = settle(costs.shocked - costs.delivered_at_baseline);
  costs.stranded_at_baseline = settle(costs.baseline - costs.delivered_at_baseline);
  return costs;
}

}  // namespace tengerim
