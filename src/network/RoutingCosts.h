#pragma once
// The cost figures of a shock (docs/model.md §3), split so that stranded
// volume never shows as a saving. A shock both strands volume (which then
// costs nothing to move) and pushes what still moves onto dearer routes;
// the shocked routing cost minus the baseline mixes the two and can be
// negative. Here:
//   delivered_at_baseline = the least cost, on the intact network, of moving
//                           the volumes that are still delivered after the shock
//   extra                 = shocked - delivered_at_baseline, the cost of rerouting;
//                           >= 0, since the shocked flows are feasible on the
//                           intact network and the LP routes its delivered volume
//                           at least cost
//   stranded_at_baseline  = baseline - delivered_at_baseline, what moving the
//                           stranded volume cost before the shock
// All in the network's cost unit (cost per unit x volume per year).
#include "model/CorridorNetwork.h"
#include "network/FlowSolution.h"

namespace tengerim {

struct RoutingCosts {
  double baseline = 0;
  double shocked = 0;
  double delivered_at_baseline = 0;
  double stranded_at_baseline = 0;
  double extra = 0;
};

// Re-routes the shocked delivered volumes on the intact network (one more LP).
RoutingCosts compare_costs(const CorridorNetwork& network, const FlowSolution& baseline, const FlowSolution& shocked);

}  // namespace tengerim
