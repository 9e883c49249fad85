#pragma once
// Baseline and shocked routing of a corridor network (docs/model.md §3): a
// multi-commodity min-cost flow LP solved with COIN-OR CLP. Each demand row is
// its own flow (oil from Tengiz cannot satisfy a market that asked for oil
// from Kashagan); edges of the same commodity share their capacity; each
// demand may leave volume stranded at a penalty above any route's cost.
#include <map>
#include <utility>
#include <vector>

#include "model/CorridorNetwork.h"
#include "network/FlowSolution.h"

namespace tengerim {

// `capacity_factor` (one per edge; empty = all 1) scales each edge's capacity:
// 0 closes it, 0.5 derates it by half. Fails (internal) if CLP does not solve.
FlowSolution route(const CorridorNetwork& network, const std::vector<double>& capacity_factor = {});

// The penalty per unit stranded: 1 + the sum of all edge costs, which exceeds
// the cost of any simple path, so volume is stranded only when no capacity is left.
double stranded_penalty(const CorridorNetwork& network);

// Demand, delivered and stranded summed by (commodity, market), in network order.
std::vector<MarketFlow> market_flows(const CorridorNetwork& network, const FlowSolution& solution);

}  // namespace tengerim
