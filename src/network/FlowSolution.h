#pragma once
// The result of routing a corridor network: what moves on each edge, what
// reaches each market, what is stranded, and at what cost.
#include <string>
#include <vector>

namespace tengerim {

struct MarketFlow {
  std::string commodity;
  std::string market;    // node id
  double demand = 0;     // per year, in the commodity's unit
  double delivered = 0;
  double stranded = 0;   // demand - delivered
};

struct FlowSolution {
  std::vector<double> edge_flow;  // per edge of the network, summed over demands
  std::vector<double> delivered;  // per demand row
  std::vector<double> stranded;   // per demand row
  double routing_cost = 0;        // sum over edges of cost x flow
  double penalty = 0;             // cost charged per unit stranded
  double objective = 0;           // routing_cost + penalty x total stranded

  double total_stranded() const {
    double sum = 0;
    for (double value : stranded) sum += value;
    return sum;
  }
};

}  // namespace tengerim
