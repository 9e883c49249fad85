#include "network/RouteCache.h"

#include "network/MinCostFlow.h"

namespace tengerim {

FlowSolution RouteCache::route(const std::vector<double>& capacity_factor) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto found = solutions_.find(capacity_factor); found != solutions_.end()) return found->second;
  }
  // Solved outside the lock; two threads may solve the same factors, to the same answer.
  FlowSolution solution = tengerim::route(network_, capacity_factor);
  std::lock_guard<std::mutex> lock(mutex_);
  return solutions_.emplace(capacity_factor, std::move(solution)).first->second;
}

size_t RouteCache::solved() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return solutions_.size();
}

}  // namespace tengerim
