#pragma once
// The focal state's ties as the policy layer moves them: per domain (its
// latest year with data, as the loss model reads it) the share of each
// direction and its substitutability. Alignment a_c is D_c over these domains
// (docs/model.md §5); balance and separation follow docs/model.md §2 on the
// same shares.
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

struct DomainExposure {
  std::string id;
  int year = 0;               // the year the shares are from
  double weight = 0;          // w_d as declared (what losses use)
  double alignment_weight = 0;  // w_d renormalised over the domains with data (what D uses)
  std::vector<double> share;  // S[d][c], per model direction
  std::vector<double> sigma;  // share-weighted substitutability, per model direction
  bool stock = false;         // Domain::stock: no power cuts it
  bool movable = true;        // Domain::movable(): a plan may move it
};

class Portfolio {
 public:
  // Each domain's latest year with data in `sheet`.
  static Portfolio status_quo(const Model& model, const BalanceSheet& sheet);

  // In every movable domain, moves `fraction` of each other direction's share to `toward`;
  // stocks and domains without a lever (DomainExposure::movable) keep their shares, as in plans.
  Portfolio tilted(size_t toward, double fraction) const;
  // The same move written into a copy of `sheet` (every year's shares), for the loss model.
  BalanceSheet tilted_sheet(const BalanceSheet& sheet, size_t toward, double fraction) const;

  bool movable(const std::string& domain) const;

  std::vector<double> alignment() const;  // a_c = sum_d w~_d S[d][c]
  std::vector<double> leverage() const;   // Lambda_c = sum_d w~_d S[d][c] (1 - sigma[d][c])
  double balance() const;                 // B, clipped to [0, 1]
  double separation() const;              // Phi

  std::vector<std::string> directions;  // model direction ids, in model order
  std::vector<DomainExposure> domains;  // only domains with data
};

}  // namespace tengerim
