#include "network/MinCostFlow.h"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinPackedMatrix.hpp>

#include <algorithm>
#include <string>

#include "common/Error.h"

namespace tengerim {
namespace {

// Flows below this are solver noise, printed as 0.
constexpr double kZero = 1e-9;

double clean(double value) { return std::abs(value) < kZero ? 0.0 : value; }

}  // namespace

double stranded_penalty(const CorridorNetwork& network) {
  double sum = 1;
  for (const auto& edge : network.edges) sum += edge.cost;
  return sum;
}

FlowSolution route(const CorridorNetwork& network, const std::vector<double>& capacity_factor) {
  const size_t nodes = network.nodes.size(), edges = network.edges.size(), demands = network.demands.size();
  if (!capacity_factor.empty() && capacity_factor.size() != edges)
    throw Error(ErrorKind::Internal, {}, "route: one capacity factor per edge expected");
  std::map<std::string, int> node_index;
  for (size_t i = 0; i < nodes; ++i) node_index[network.nodes[i].id] = static_cast<int>(i);

  // Rows: conservation for each (demand, node), then one capacity row per edge.
  const int capacity_row0 = static_cast<int>(demands * nodes);
  const int rows = capacity_row0 + static_cast<int>(edges);
  std::vector<double> row_low(rows, 0), row_high(rows, 0);
  for (size_t k = 0; k < demands; ++k) {
    const auto& demand = network.demands[k];
    int base = static_cast<int>(k * nodes);
    row_low[base + node_index[demand.origin]] = row_high[base + node_index[demand.origin]] = demand.volume;
    row_low[base + node_index[demand.market]] = row_high[base + node_index[demand.market]] = -demand.volume;
  }
  for (size_t e = 0; e < edges; ++e) {
    double factor = capacity_factor.empty() ? 1.0 : std::clamp(capacity_factor[e], 0.0, 1.0);
    row_low[capacity_row0 + e] = 0;
    row_high[capacity_row0 + e] = network.edges[e].capacity * factor;
  }

  // Columns: x[k][e] for the edges carrying demand k's commodity, then u[k] (stranded).
  CoinPackedMatrix matrix(true, 0, 0);
  matrix.setDimensions(rows, 0);
  std::vector<double> col_low, col_high, objective;
  std::vector<std::pair<size_t, size_t>> flow_columns;  // (demand, edge)
  const double penalty = stranded_penalty(network);
  for (size_t k = 0; k < demands; ++k) {
    int base = static_cast<int>(k * nodes);
    for (size_t e = 0; e < edges; ++e) {
      const auto& edge = network.edges[e];
      if (edge.commodity != network.demands[k].commodity) continue;
      int index[3] = {base + node_index[edge.from], base + node_index[edge.to], capacity_row0 + static_cast<int>(e)};
      double value[3] = {1.0, -1.0, 1.0};
      matrix.appendCol(3, index, value);
      col_low.push_back(0);
      col_high.push_back(COIN_DBL_MAX);
      objective.push_back(edge.cost);
      flow_columns.emplace_back(k, e);
    }
  }
  for (size_t k = 0; k < demands; ++k) {
    const auto& demand = network.demands[k];
    int base = static_cast<int>(k * nodes);
    int index[2] = {base + node_index[demand.origin], base + node_index[demand.market]};
    double value[2] = {1.0, -1.0};
    matrix.appendCol(2, index, value);
    col_low.push_back(0);
    col_high.push_back(demand.volume);
    objective.push_back(penalty);
  }

  ClpSimplex solver;
  solver.setLogLevel(0);
  solver.loadProblem(matrix, col_low.data(), col_high.data(), objective.data(), row_low.data(), row_high.data());
  solver.primal();
  if (!solver.isProvenOptimal())
    throw Error(ErrorKind::Internal, {network.origin, 0, ""},
                "CLP did not find an optimal routing (status " + std::to_string(solver.status()) + ")");

  const double* x = solver.primalColumnSolution();
  FlowSolution solution;
  solution.penalty = penalty;
  solution.edge_flow.assign(edges, 0);
  solution.delivered.assign(demands, 0);
  solution.stranded.assign(demands, 0);
  for (size_t c = 0; c < flow_columns.size(); ++c)
    solution.edge_flow[flow_columns[c].second] += clean(x[c]);
  for (size_t k = 0; k < demands; ++k) {
    double stranded = std::clamp(clean(x[flow_columns.size() + k]), 0.0, network.demands[k].volume);
    solution.stranded[k] = stranded;
    solution.delivered[k] = network.demands[k].volume - stranded;
  }
  for (size_t e = 0; e < edges; ++e) solution.routing_cost += network.edges[e].cost * solution.edge_flow[e];
  solution.objective = solution.routing_cost + penalty * solution.total_stranded();
  return solution;
}

std::vector<MarketFlow> market_flows(const CorridorNetwork& network, const FlowSolution& solution) {
  std::vector<MarketFlow> out;
  for (size_t k = 0; k < network.demands.size(); ++k) {
    const auto& demand = network.demands[k];
    auto found = std::find_if(out.begin(), out.end(), [&](const MarketFlow& flow) {
      return flow.commodity == demand.commodity && flow.market == demand.market;
    });
    if (found == out.end()) {
      out.push_back({demand.commodity, demand.market, 0, 0, 0});
      found = std::prev(out.end());
    }
    found->demand += demand.volume;
    found->delivered += solution.delivered[k];
    found->stranded += solution.stranded[k];
  }
  return out;
}

}  // namespace tengerim
