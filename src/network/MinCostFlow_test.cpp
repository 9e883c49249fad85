// Routing: max flow on the CLRS network, capacities and conservation,
// hand-computed costs, and monotonicity under closures.
#include "network/MinCostFlow.h"

#include <gtest/gtest.h>

#include <map>

namespace tengerim {
namespace {

CorridorNetwork network_of(const std::vector<std::string>& node_ids,
                           const std::vector<std::tuple<std::string, std::string, double, double>>& edges) {
  CorridorNetwork network;
  for (const auto& id : node_ids) network.nodes.push_back({id, id, "KAZ", 0, 0, "test", 0});
  for (const auto& [from, to, capacity, cost] : edges) {
    CorridorEdge edge;
    edge.from = from;
    edge.to = to;
    edge.mode = "rail";
    edge.commodity = "cargo";
    edge.capacity = capacity;
    edge.cost = cost;
    network.edges.push_back(edge);
  }
  return network;
}

// CLRS (3rd ed.) Figure 26.1: maximum flow 23.
CorridorNetwork clrs_network() {
  return network_of({"s", "v1", "v2", "v3", "v4", "t"},
                    {{"s", "v1", 16, 0}, {"s", "v2", 13, 0}, {"v1", "v3", 12, 0}, {"v2", "v1", 4, 0},
                     {"v2", "v4", 14, 0}, {"v3", "v2", 9, 0}, {"v3", "t", 20, 0}, {"v4", "v3", 7, 0},
                     {"v4", "t", 4, 0}});
}

void expect_feasible(const CorridorNetwork& network, const FlowSolution& solution,
                     const std::vector<double>& factor = {}) {
  std::map<std::string, double> net_out;  // out - in, over all demands
  for (size_t e = 0; e < network.edges.size(); ++e) {
    double capacity = network.edges[e].capacity * (factor.empty() ? 1.0 : factor[e]);
    EXPECT_GE(solution.edge_flow[e], -1e-9);
    EXPECT_LE(solution.edge_flow[e], capacity + 1e-9) << network.edges[e].label();
    net_out[network.edges[e].from] += solution.edge_flow[e];
    net_out[network.edges[e].to] -= solution.edge_flow[e];
  }
  std::map<std::string, double> expected;
  for (size_t k = 0; k < network.demands.size(); ++k) {
    expected[network.demands[k].origin] += solution.delivered[k];
    expected[network.demands[k].market] -= solution.delivered[k];
    EXPECT_NEAR(solution.delivered[k] + solution.stranded[k], network.demands[k].volume, 1e-9);
  }
  for (const auto& node : network.nodes) EXPECT_NEAR(net_out[node.id], expected[node.id], 1e-7) << node.id;
}

TEST(MinCostFlow, ClrsFigure26_1HasMaximumFlow23) {
  CorridorNetwork network = clrs_network();
  network.demands.push_back({"cargo", "s", "t", 1000, "test", 0});
  FlowSolution solution = route(network);
  EXPECT_NEAR(solution.delivered[0], 23.0, 1e-9);
  EXPECT_NEAR(solution.stranded[0], 977.0, 1e-9);
  expect_feasible(network, solution);
}

TEST(MinCostFlow, CheapRouteFillsFirstThenTheDearOne) {
  // a->b->d costs 1+1 per unit with capacity 5; a->c->d costs 3+3 with capacity 10.
  CorridorNetwork network = network_of({"a", "b", "c", "d"},
                                       {{"a", "b", 5, 1}, {"b", "d", 5, 1}, {"a", "c", 10, 3}, {"c", "d", 10, 3}});
  network.demands.push_back({"cargo", "a", "d", 8, "test", 0});
  FlowSolution solution = route(network);
  EXPECT_NEAR(solution.routing_cost, 5 * 2 + 3 * 6, 1e-9);
  EXPECT_NEAR(solution.total_stranded(), 0, 1e-9);
  expect_feasible(network, solution);
  // Close the cheap route: 8 units at 6 each.
  std::vector<double> closed{0, 1, 1, 1};
  FlowSolution shocked = route(network, closed);
  EXPECT_NEAR(shocked.routing_cost, 48, 1e-9);
  expect_feasible(network, shocked, closed);
  // Derate the dear route to 0.25 as well: 2.5 of 8 delivered, 5.5 stranded.
  std::vector<double> both{0, 1, 0.25, 1};
  FlowSolution worse = route(network, both);
  EXPECT_NEAR(worse.total_stranded(), 5.5, 1e-9);
  EXPECT_NEAR(worse.objective, 2.5 * 6 + 5.5 * (1 + 8), 1e-9);
}

TEST(MinCostFlow, DemandsShareCapacityButKeepTheirOwnOrigins) {
  // Two origins share the link m->z of capacity 10; 6 + 6 demanded.
  CorridorNetwork network = network_of({"x", "y", "m", "z"}, {{"x", "m", 10, 1}, {"y", "m", 10, 2}, {"m", "z", 10, 1}});
  network.demands.push_back({"cargo", "x", "z", 6, "test", 0});
  network.demands.push_back({"cargo", "y", "z", 6, "test", 0});
  FlowSolution solution = route(network);
  // Stranding costs 1+1+2+1 = 5 per unit, so the dearer origin y (cost 3) gives up 2.
  EXPECT_NEAR(solution.delivered[0], 6, 1e-9);
  EXPECT_NEAR(solution.delivered[1], 4, 1e-9);
  expect_feasible(network, solution);
  auto markets = market_flows(network, solution);
  ASSERT_EQ(markets.size(), 1u);
  EXPECT_NEAR(markets[0].stranded, 2, 1e-9);
}

TEST(MinCostFlow, ClosingAnyEdgeNeverLowersTheCost) {
  CorridorNetwork network = clrs_network();
  double cost = 1;
  for (auto& edge : network.edges) edge.cost = cost++;  // distinct costs 1..9
  network.demands.push_back({"cargo", "s", "t", 20, "test", 0});
  network.demands.push_back({"cargo", "v2", "v3", 5, "test", 0});
  FlowSolution baseline = route(network);
  expect_feasible(network, baseline);
  for (size_t e = 0; e < network.edges.size(); ++e) {
    for (double factor : {0.0, 0.5}) {
      std::vector<double> factors(network.edges.size(), 1.0);
      factors[e] = factor;
      FlowSolution shocked = route(network, factors);
      expect_feasible(network, shocked, factors);
      EXPECT_GE(shocked.objective, baseline.objective - 1e-9) << network.edges[e].label() << " x" << factor;
    }
  }
}

TEST(MinCostFlow, EdgesOfAnotherCommodityCarryNothing) {
  CorridorNetwork network = network_of({"a", "b"}, {{"a", "b", 10, 1}});
  network.demands.push_back({"oil", "a", "b", 4, "test", 0});
  FlowSolution solution = route(network);
  EXPECT_NEAR(solution.edge_flow[0], 0, 1e-12);
  EXPECT_NEAR(solution.stranded[0], 4, 1e-9);
}

}  // namespace
}  // namespace tengerim
