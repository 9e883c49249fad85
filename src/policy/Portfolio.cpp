#include "policy/Portfolio.h"

#include "measure/CompositeIndex.h"

#include <algorithm>

namespace tengerim {

Portfolio Portfolio::status_quo(const Model& model, const BalanceSheet& sheet) {
  Portfolio portfolio;
  for (const auto& direction : model.directions) portfolio.directions.push_back(direction.id);
  const size_t count = model.directions.size();
  double covered = 0;
  for (const auto& domain : model.domains) {
    for (auto year = sheet.years.rbegin(); year != sheet.years.rend(); ++year) {
      auto entry = std::find_if(year->domains.begin(), year->domains.end(),
                                [&](const DomainSheet& d) { return d.id == domain.id; });
      if (entry == year->domains.end()) continue;
      DomainExposure exposure{domain.id, year->year, domain.weight.value, 0, std::vector<double>(count, 0),
                              std::vector<double>(count, domain.substitutability.value), domain.stock,
                              domain.movable()};
      for (size_t c = 0; c < count; ++c)
        for (const auto& share : entry->directions)
          if (share.direction == model.directions[c].id) {
            exposure.share[c] = share.share;
            exposure.sigma[c] = share.substitutability;
          }
      covered += exposure.weight;
      portfolio.domains.push_back(std::move(exposure));
      break;
    }
  }
  for (auto& exposure : portfolio.domains) exposure.alignment_weight = covered > 0 ? exposure.weight / covered : 0;
  return portfolio;
}

namespace {

// Moves `fraction` of every share but `toward`'s to `toward`.
void tilt(std::vector<double>& share, size_t toward, double fraction) {
  double moved = 0;
  for (size_t c = 0; c < share.size(); ++c)
    if (c != toward) {
      moved += fraction * share[c];
      share[c] *= 1 - fraction;
    }
  share[toward] += moved;
}

}  // namespace

bool Portfolio::movable(const std::string& domain) const {
  for (const auto& exposure : domains)
    if (exposure.id == domain) return exposure.movable;
  return true;  // a domain with no data in any year has no shares to move
}

Portfolio Portfolio::tilted(size_t toward, double fraction) const {
  Portfolio copy = *this;
  for (auto& exposure : copy.domains)
    if (exposure.movable) tilt(exposure.share, toward, fraction);  // a stock or a domain without a lever is held
  return copy;
}

BalanceSheet Portfolio::tilted_sheet(const BalanceSheet& sheet, size_t toward, double fraction) const {
  BalanceSheet copy = sheet;
  for (auto& year : copy.years)
    for (auto& domain : year.domains) {
      if (!movable(domain.id)) continue;
      std::vector<double> share;
      for (const auto& entry : domain.directions) share.push_back(entry.share);
      size_t index = share.size();
      for (size_t c = 0; c < domain.directions.size(); ++c)
        if (toward < directions.size() && domain.directions[c].direction == directions[toward]) index = c;
      if (index == share.size()) continue;
      tilt(share, index, fraction);
      for (size_t c = 0; c < share.size(); ++c) domain.directions[c].share = share[c];
    }
  return copy;
}

std::vector<double> Portfolio::alignment() const {
  std::vector<double> a(directions.size(), 0);
  for (const auto& exposure : domains)
    for (size_t c = 0; c < a.size(); ++c) a[c] += exposure.alignment_weight * exposure.share[c];
  return a;
}

std::vector<double> Portfolio::leverage() const {
  std::vector<double> lambda(directions.size(), 0);
  for (const auto& exposure : domains)
    for (size_t c = 0; c < lambda.size(); ++c)
      lambda[c] += exposure.alignment_weight * exposure.share[c] * (1 - exposure.sigma[c]);
  return lambda;
}

// The sheet's definitions (measure/CompositeIndex.h); the portfolio's ties are all
// with named directions, so "other" holds nothing here.
double Portfolio::balance() const {
  std::vector<double> weights;
  std::vector<std::vector<double>> sigmas;
  for (const auto& exposure : domains) {
    weights.push_back(exposure.alignment_weight);
    sigmas.push_back(exposure.sigma);
  }
  return balance_index(leverage(), 0.0, worst_leverage_gap(weights, sigmas));
}

double Portfolio::separation() const {
  std::vector<double> led(directions.size(), 0);
  for (const auto& exposure : domains) {
    size_t leader = static_cast<size_t>(std::max_element(exposure.share.begin(), exposure.share.end()) -
                                        exposure.share.begin());
    if (exposure.share[leader] > 0) led[leader] += exposure.alignment_weight;
  }
  return separation_index(led, 0.0);
}

}  // namespace tengerim
