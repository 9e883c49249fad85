// A cached routing is the routing a fresh solve gives, to the bit, and each
// distinct set of capacity factors is solved once.
#include "network/RouteCache.h"

#include <gtest/gtest.h>

#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "network/MinCostFlow.h"

namespace tengerim {
namespace {

TEST(RouteCache, ReturnsTheFreshSolutionAndSolvesEachFactorSetOnce) {
  const ModelSource source = ModelSource::builtin("kaz");
  const Model model = read_model(source);
  const CorridorNetwork network = read_corridor_network(source, model);
  RouteCache cache(network);
  std::vector<double> closed(network.edges.size(), 1.0);
  closed[0] = 0.0;  // the first edge (CPC) closed
  for (int pass = 0; pass < 2; ++pass) {
    for (const auto& factors : {std::vector<double>{}, closed}) {
      const FlowSolution cached = cache.route(factors), fresh = route(network, factors);
      EXPECT_EQ(cached.edge_flow, fresh.edge_flow);
      EXPECT_EQ(cached.stranded, fresh.stranded);
      EXPECT_EQ(cached.objective, fresh.objective);
    }
  }
  EXPECT_EQ(cache.solved(), 2u);
}

}  // namespace
}  // namespace tengerim
