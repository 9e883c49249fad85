#pragma once
// The results of measuring a model: one YearSheet per year with data
// (docs/model.md §2). Plain values, so reports and tests read them directly.
#include <optional>
#include <string>
#include <vector>

#include "measure/ProductDependence.h"
#include "measure/RelationsSheet.h"

namespace tengerim {

struct PartnerShare {
  std::string partner;  // ISO3, bloc code or XUN
  std::string direction;  // "" when in no direction ("other")
  double value = 0;
  double share = 0;
};

struct DirectionShare {
  std::string direction;
  double share = 0;             // S[d][c]
  double substitutability = 0;  // share-weighted sigma of the direction's partners
  bool critical = false;        // S >= critical_share and sigma < critical_substitutability
};

struct DomainSheet {
  std::string id;
  std::string unit;
  double weight = 0;      // w_d renormalised over the domains with data this year
  double total = 0;       // WLD total when given, else the sum of partners
  double allocated = 1;   // share of the total that the listed partners account for
  size_t partners = 0;    // partners with a positive value
  double hhi = 0;
  double effective_partners = 0;
  double entropy = 0;     // nats
  double exp_entropy = 0;
  double theil = 0;
  double evenness = 0;    // of the direction shares
  double other_share = 0;  // partners in no direction
  std::vector<DirectionShare> directions;  // in model order
  std::vector<PartnerShare> partners_by_share;  // descending
  std::string leader;     // direction with the largest share
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
  std::vector<DomainSheet> domains;  // only domains with data this year
  std::vector<std::string> missing_domains;
  double coverage = 0;  // sum of the declared weights of the domains present
  std::vector<DirectionSheet> directions;
  double balance = 0;       // B
  double separation = 0;    // Phi
  double max_dependence = 0;
  double max_leverage = 0;
  double dependence_evenness = 0;
  int critical_pairs = 0;
  // 1 - 1/2 sum |D_c(t) - D_c(t-1)|, over the domains present in both years.
  std::optional<double> predictability;
  std::vector<ProductVerdict> products;  // product-level test, when the model has product data
  RelationsSheet relations;  // alignment, formats, alliances, channels
};

struct BalanceSheet {
  std::string focal;
  std::string name;
  std::string origin;
  std::vector<YearSheet> years;  // ascending

  const YearSheet* find_year(int year) const {
    for (const auto& sheet : years)
      if (sheet.year == year) return &sheet;
    return nullptr;
  }
};

}  // namespace tengerim
