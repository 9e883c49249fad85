#pragma once
// The results of measuring a model: one YearSheet per year with data
// (docs/model.md §2 and §2a). Plain values, so reports and tests read them directly.
#include <optional>
#include <string>
#include <vector>

#include "measure/ProductDependence.h"
#include "measure/RelationsSheet.h"

namespace tengerim {

// The pseudo-direction of every partner outside the model's directions (docs/model.md §2a).
inline constexpr const char* kOtherDirection = "other";

// How a domain's figure for a year was made.
enum class Basis { Observed, Carried, Interpolated, Window, None };
const char* to_string(Basis basis);

struct PartnerShare {
  std::string partner;  // ISO3, bloc code or XUN
  std::string direction;  // "" when in no direction ("other")
  double value = 0;
  double share = 0;
};

struct DirectionShare {
  std::string direction;
  double share = 0;             // S[d][c]
  double substitutability = 0;  // sigma of the direction in the domain
  bool critical = false;        // S >= critical_share and S (1 - sigma) >= critical_leverage
};

struct DomainSheet {
  std::string id;
  std::string unit;
  double declared_weight = 0;  // w_d as declared (or drawn, in a sensitivity run)
  double weight = 0;      // w_d renormalised over the domains present this year
  Basis basis = Basis::Observed;
  int age = 0;            // Carried / Interpolated: years to the nearest observation
  int window = 0;         // Window: years summed or averaged
  std::vector<int> observed_years;   // the years whose observations made the figure
  std::vector<std::string> sources;  // source ids of those observations
  double total = 0;       // WLD total when given, else the sum of partners
  double allocated = 1;   // share of the total that the listed partners account for
  size_t partners = 0;    // partners with a positive value
  double hhi = 0;
  double effective_partners = 0;
  double entropy = 0;     // nats
  double exp_entropy = 0;
  double theil = 0;
  double evenness = 0;    // of the direction shares
  double other_share = 0;  // listed partners in no direction
  std::vector<DirectionShare> directions;  // in model order
  // "other" as a power: the largest listed partner outside every direction (not XUN).
  DirectionShare other{kOtherDirection};
  std::string other_partner;  // that partner, "" when none
  std::vector<PartnerShare> partners_by_share;  // descending
  std::string leader;     // direction (or "other") with the largest share
  double lead_margin = 0; // its share minus the runner-up's
};

struct DirectionSheet {
  std::string id;
  double dependence = 0;  // D_c = sum_d w_d S[d][c]
  double leverage = 0;    // Lambda_c = sum_d w_d S[d][c] (1 - sigma[d][c])
  std::vector<std::string> leads;  // domains where c has the largest share
  double led_weight = 0;  // Q_c
};

struct YearSheet {
  int year = 0;
  bool has_ties() const { return !domains.empty(); }  // else the tie measures below are not defined
  std::vector<DomainSheet> domains;  // the domains present (observed or filled) this year
  std::vector<std::string> missing_domains;
  double coverage = 0;  // sum of the declared weights of the domains present
  // The coverage rule (docs/model.md §2a): the composites below are set only when published.
  bool published = false;
  std::string unpublished_reason;  // "" when published
  std::vector<DirectionSheet> directions;  // the model's directions, then "other"
  double outside_dependence = 0;  // sum_d w_d (1 - sum_c S[d][c]): everything outside the directions
  std::optional<double> balance;       // B, scaled to the attainable range
  std::optional<double> leverage_gap;  // max_c Lambda_c - mean_c Lambda_c
  std::optional<double> separation;    // Phi
  std::optional<double> max_dependence;
  std::optional<double> max_leverage;
  std::optional<double> dependence_evenness;
  std::optional<int> critical_pairs;
  // 1 - total-variation distance of D (directions, outside) to the year before,
  // over the domains present in both; unset when either is unpublished or they share none.
  std::optional<double> predictability;
  std::vector<ProductVerdict> products;  // product-level test, when the model has product data
  RelationsSheet relations;  // alignment, formats, alliances, channels

  const DirectionSheet* find_direction(const std::string& id) const {
    for (const auto& direction : directions)
      if (direction.id == id) return &direction;
    return nullptr;
  }
  const DomainSheet* find_domain(const std::string& id) const {
    for (const auto& domain : domains)
      if (domain.id == id) return &domain;
    return nullptr;
  }
};

struct BalanceSheet {
  std::string focal;
  std::string name;
  std::string origin;
  std::string basis = "filled";  // "filled" (the fixed basket) or "observed"
  std::string weights = "declared";  // "declared" (judgements) or "magnitude" (money domains by USD)
  std::vector<YearSheet> years;  // ascending

  const YearSheet* find_year(int year) const {
    for (const auto& sheet : years)
      if (sheet.year == year) return &sheet;
    return nullptr;
  }
  // The latest published year, if any.
  const YearSheet* latest_published() const {
    for (auto it = years.rbegin(); it != years.rend(); ++it)
      if (it->published) return &*it;
    return nullptr;
  }
};

}  // namespace tengerim
