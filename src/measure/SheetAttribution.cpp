#include "measure/SheetAttribution.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>

#include "common/Error.h"
#include "measure/CompositeIndex.h"

namespace tengerim {
namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

// A domain of either year, in model order, with its factors (kNone when it has none).
struct DomainPair {
  const DomainSheet* from = nullptr;
  const DomainSheet* to = nullptr;
  size_t basket = kNone, share = kNone, weight = kNone;
};

struct Factor {
  FactorKind kind;
  size_t pair;  // index into the domain pairs
};

bool same_entry(const DirectionShare& a, const DirectionShare& b) {
  return a.share == b.share && a.substitutability == b.substitutability;
}

bool same_shares(const DomainSheet& a, const DomainSheet& b) {
  if (a.directions.size() != b.directions.size() || !same_entry(a.other, b.other)) return false;
  for (size_t c = 0; c < a.directions.size(); ++c)
    if (!same_entry(a.directions[c], b.directions[c])) return false;
  return true;
}

// Figures in this order: B, D_c (directions, then "other"), Lambda_c (the same).
class CompositeEvaluator {
 public:
  CompositeEvaluator(const std::vector<DomainPair>& pairs, size_t directions)
      : pairs_(pairs), directions_(directions) {}

  size_t figure_count() const { return 1 + 2 * (directions_ + 1); }

  // The figures with the factors in `mask` at the second year's values and
  // the others at the first year's. The sums run in model order, as in the
  // sheet's builder, so the two ends reproduce the published figures exactly.
  void evaluate(uint32_t mask, double* out) const {
    auto on = [mask](size_t factor) { return factor != kNone && ((mask >> factor) & 1u) != 0; };
    double coverage = 0;
    for (const auto& pair : pairs_) {
      if (!present(pair, on)) continue;
      coverage += declared_weight(pair, on);
    }
    const size_t count = directions_;
    std::vector<double> dependence(count + 1, 0.0), leverage(count + 1, 0.0), weights;
    std::vector<std::vector<double>> sigmas;
    for (const auto& pair : pairs_) {
      if (!present(pair, on)) continue;
      const DomainSheet& data = shares_of(pair, on);
      const double weight = declared_weight(pair, on) / coverage;
      weights.push_back(weight);
      std::vector<double> sigma;
      for (size_t c = 0; c <= count; ++c) {
        const DirectionShare& entry = c < count ? data.directions[c] : data.other;
        dependence[c] += weight * entry.share;
        leverage[c] += weight * entry.share * (1 - entry.substitutability);
        if (c < count) sigma.push_back(entry.substitutability);
      }
      sigmas.push_back(std::move(sigma));
    }
    const std::vector<double> named(leverage.begin(), leverage.begin() + static_cast<long>(count));
    out[0] = balance_index(named, leverage[count], worst_leverage_gap(weights, sigmas));
    for (size_t c = 0; c <= count; ++c) {
      out[1 + c] = dependence[c];
      out[2 + count + c] = leverage[c];
    }
  }

 private:
  template <class On>
  static bool present(const DomainPair& pair, On on) {
    if (pair.from && pair.to) return true;
    return (pair.from != nullptr) != on(pair.basket);  // the basket factor turns it in or out
  }
  template <class On>
  static double declared_weight(const DomainPair& pair, On on) {
    if (!pair.from) return pair.to->declared_weight;
    if (!pair.to) return pair.from->declared_weight;
    return on(pair.weight) ? pair.to->declared_weight : pair.from->declared_weight;
  }
  template <class On>
  static const DomainSheet& shares_of(const DomainPair& pair, On on) {
    if (!pair.from) return *pair.to;
    if (!pair.to) return *pair.from;
    return on(pair.share) ? *pair.to : *pair.from;
  }

  const std::vector<DomainPair>& pairs_;
  size_t directions_;
};

std::vector<PartnerMove> partner_moves(const DomainSheet* from, const DomainSheet* to) {
  std::map<std::string, PartnerMove> moves;
  if (from)
    for (const auto& entry : from->partners_by_share) moves[entry.partner] = {entry.partner, entry.direction, entry.share, 0};
  if (to)
    for (const auto& entry : to->partners_by_share) {
      auto& move = moves[entry.partner];
      move.partner = entry.partner;
      move.direction = entry.direction;
      move.to = entry.share;
    }
  std::vector<PartnerMove> out;
  for (auto& [partner, move] : moves) out.push_back(std::move(move));
  std::stable_sort(out.begin(), out.end(), [](const PartnerMove& a, const PartnerMove& b) {
    return std::fabs(a.to - a.from) > std::fabs(b.to - b.from);
  });
  if (out.size() > 3) out.resize(3);
  return out;
}

void check_published(const YearSheet& year) {
  if (!year.published)
    fail_input({}, "year " + std::to_string(year.year) + " is not published (" + year.unpublished_reason +
                       "): its composites are not defined, so there is nothing to explain");
}

}  // namespace

const char* to_string(FactorKind kind) {
  switch (kind) {
    case FactorKind::Basket: return "basket";
    case FactorKind::Share: return "share";
    case FactorKind::Weight: return "weight";
  }
  return "share";
}

SheetAttribution attribute_change(const Model& model, const YearSheet& from, const YearSheet& to) {
  check_published(from);
  check_published(to);
  std::vector<DomainPair> pairs;
  std::vector<Factor> factors;
  bool common = false;
  for (const auto& domain : model.domains) {
    DomainPair pair{from.find_domain(domain.id), to.find_domain(domain.id)};
    if (!pair.from && !pair.to) continue;
    const size_t index = pairs.size();
    if (pair.from && pair.to) {
      common = true;
      if (!same_shares(*pair.from, *pair.to)) {
        pair.share = factors.size();
        factors.push_back({FactorKind::Share, index});
      }
      if (pair.from->declared_weight != pair.to->declared_weight) {
        pair.weight = factors.size();
        factors.push_back({FactorKind::Weight, index});
      }
    } else {
      pair.basket = factors.size();
      factors.push_back({FactorKind::Basket, index});
    }
    pairs.push_back(pair);
  }
  if (!common)
    fail_input({}, "years " + std::to_string(from.year) + " and " + std::to_string(to.year) +
                       " share no domain: there is nothing to compare");
  const size_t n = factors.size();
  if (n > kMaxAttributionFactors)
    fail_input({}, std::to_string(n) + " factors differ between the years, more than the " +
                       std::to_string(kMaxAttributionFactors) + " an exact decomposition allows");

  const CompositeEvaluator evaluator(pairs, model.directions.size());
  const size_t figures = evaluator.figure_count();
  const size_t masks = size_t{1} << n;
  std::vector<double> value(masks * figures);
  for (size_t mask = 0; mask < masks; ++mask) evaluator.evaluate(static_cast<uint32_t>(mask), &value[mask * figures]);

  // Shapley weight of a coalition of s others: s! (n - 1 - s)! / n! = 1 / (n C(n-1, s)).
  std::vector<double> coalition_weight(n);
  for (size_t s = 0; s < n; ++s) {
    double binomial = 1;
    for (size_t k = 1; k <= s; ++k) binomial = binomial * static_cast<double>(n - 1 - s + k) / static_cast<double>(k);
    coalition_weight[s] = 1.0 / (static_cast<double>(n) * binomial);
  }
  std::vector<double> shapley(n * figures, 0.0);
  for (size_t i = 0; i < n; ++i) {
    const size_t bit = size_t{1} << i;
    for (size_t mask = 0; mask < masks; ++mask) {
      if (mask & bit) continue;
      const double w = coalition_weight[static_cast<size_t>(std::popcount(mask))];
      const double* without = &value[mask * figures];
      const double* with = &value[(mask | bit) * figures];
      for (size_t k = 0; k < figures; ++k) shapley[i * figures + k] += w * (with[k] - without[k]);
    }
  }

  auto figure = [&](size_t k, std::string name) {
    FigureAttribution out{std::move(name), value[k], value[(masks - 1) * figures + k], {}};
    for (size_t i = 0; i < n; ++i) {
      const DomainPair& pair = pairs[factors[i].pair];
      AttributionPart part{factors[i].kind, (pair.from ? pair.from : pair.to)->id, shapley[i * figures + k], {}};
      if (factors[i].kind != FactorKind::Weight) part.partners = partner_moves(pair.from, pair.to);
      out.parts.push_back(std::move(part));
    }
    return out;
  };
  SheetAttribution out;
  out.from_year = from.year;
  out.to_year = to.year;
  out.balance = figure(0, "balance");
  const size_t count = model.directions.size();
  for (size_t c = 0; c <= count; ++c) {
    const std::string id = c < count ? model.directions[c].id : std::string(kOtherDirection);
    out.dependence.push_back(figure(1 + c, id));
    out.leverage.push_back(figure(2 + count + c, id));
  }
  return out;
}

}  // namespace tengerim
