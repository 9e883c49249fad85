#include "risk/ZeroLossCheck.h"

#include <algorithm>

namespace tengerim {
namespace {

// Why a shock whose full cut loses nothing does so, from what it touches.
std::string reason_for(const LossModel& losses, const Shock& shock) {
  const CorridorNetwork& network = losses.network();
  const std::vector<size_t> edges = losses.edges_cut(shock);
  if (shock.edge || !edges.empty()) {
    bool feeds = false;
    std::vector<std::string> unlinked;
    for (size_t e : edges) {
      const CorridorCommodity* commodity = network.find_commodity(network.edges[e].commodity);
      if (commodity && !commodity->domain.empty()) feeds = true;
      else if (std::find(unlinked.begin(), unlinked.end(), network.edges[e].commodity) == unlinked.end())
        unlinked.push_back(network.edges[e].commodity);
    }
    if (!feeds) {
      std::string list;
      for (const auto& id : unlinked) list += (list.empty() ? "" : ", ") + id;
      return "its edges carry only " + list + ", which feeds no domain (commodities.csv): it adds no loss";
    }
    return "rerouting around its edges delivers every flow of the focal state (spare capacity elsewhere)";
  }
  if (const Domain* domain = losses.model().find_domain(shock.domain); domain) {
    const size_t d = static_cast<size_t>(domain - losses.model().domains.data());
    if (losses.weights()[d] == 0) return "domain '" + shock.domain + "' has weight 0";
  }
  const std::string who = shock.partner.empty() ? "direction '" + shock.direction + "'" : "partner '" + shock.partner + "'";
  return who + " has no share of domain '" + shock.domain +
         "' in the exposure year (or the domain has no data then, or its substitutability is 1)";
}

}  // namespace

std::vector<ShockWarning> zero_loss_warnings(const LossModel& losses) {
  std::vector<ShockWarning> out;
  const auto& shocks = losses.scenario().shocks;
  for (size_t k = 0; k < shocks.size(); ++k) {
    const Shock& shock = shocks[k];
    if (shock.probability && *shock.probability == 0 && !shock.probability_range) {
      out.push_back({shock.id, "its probability is 0: it never occurs"});
      continue;
    }
    const std::vector<double> direct = losses.shock_direct_loss(k, 1.0);
    double total = 0;
    for (size_t d = 0; d < direct.size(); ++d) total += losses.weights()[d] * direct[d];
    if (total == 0) out.push_back({shock.id, reason_for(losses, shock)});
  }
  return out;
}

}  // namespace tengerim
