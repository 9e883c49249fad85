#pragma once
// Routings already solved, by capacity factors: an envelope's parameter draws
// change probabilities, weights and severities but rarely the capacities, so
// each distinct routing LP is solved once across all of them. CLP's answer for
// given factors is deterministic, so a cached routing is the one a fresh solve gives.
#include <map>
#include <mutex>
#include <vector>

#include "model/CorridorNetwork.h"
#include "network/FlowSolution.h"

namespace tengerim {

class RouteCache {
 public:
  explicit RouteCache(const CorridorNetwork& network) : network_(network) {}

  // As network/MinCostFlow.h `route`; safe to call from several threads.
  FlowSolution route(const std::vector<double>& capacity_factor);
  size_t solved() const;

 private:
  const CorridorNetwork& network_;
  mutable std::mutex mutex_;
  std::map<std::vector<double>, FlowSolution> solutions_;
};

}  // namespace tengerim
