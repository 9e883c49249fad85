#include "measure/ObservedTies.h"

namespace tengerim {

bool ObservedYear::has_positive() const {
  for (const Tie* tie : partners)
    if (tie->value > 0) return true;
  return false;
}

ObservedTies::ObservedTies(const Model& model) : by_domain_(model.domains.size()), years_(model.domains.size()) {
  std::map<std::string, size_t> index;
  for (size_t d = 0; d < model.domains.size(); ++d) index[model.domains[d].id] = d;
  for (const auto& tie : model.ties) {
    auto found = index.find(tie.domain);
    if (found == index.end()) continue;  // the reader refuses such ties; a draft model may not
    ObservedYear& year = by_domain_[found->second][tie.year];
    if (tie.partner == kWorldCode) year.world = &tie;
    else year.partners.push_back(&tie);
  }
  for (size_t d = 0; d < by_domain_.size(); ++d)
    for (const auto& [year, observed] : by_domain_[d])
      if (observed.has_positive()) years_[d].push_back(year);
}

const ObservedYear* ObservedTies::find(size_t domain, int year) const {
  auto found = by_domain_[domain].find(year);
  if (found == by_domain_[domain].end() || !found->second.has_positive()) return nullptr;
  return &found->second;
}

}  // namespace tengerim
