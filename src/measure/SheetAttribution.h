#pragma once
// Why a figure moved: the change in B, in each D_c and in each Lambda_c from
// one published year to another, split into the parts that caused it by an
// exact Shapley decomposition over the factors that differ between the two
// years (docs/measures.md, "Attribution"). The parts sum to the change.
#include <string>
#include <vector>

#include "measure/BalanceSheet.h"
#include "model/Model.h"

namespace tengerim {

// What one factor is: a domain entering or leaving the basket, a domain's
// shares (with its substitutabilities) changing, or its declared weight changing.
enum class FactorKind { Basket, Share, Weight };
const char* to_string(FactorKind kind);

// A partner whose share of a domain moved, with its shares in the two years.
struct PartnerMove {
  std::string partner;
  std::string direction;  // "" when in no direction
  double from = 0, to = 0;
};

struct AttributionPart {
  FactorKind kind = FactorKind::Share;
  std::string domain;
  double value = 0;  // the factor's Shapley value: its share of the change
  // Share parts: the partners whose shares moved most (by |to - from|, at most
  // three); basket parts: the domain's largest partners in the year it is present.
  std::vector<PartnerMove> partners;
};

struct FigureAttribution {
  std::string figure;  // "balance", or the direction's id for D and Lambda
  double from = 0, to = 0;
  double total() const { return to - from; }
  std::vector<AttributionPart> parts;  // one per factor, in factor order
};

struct SheetAttribution {
  int from_year = 0, to_year = 0;
  FigureAttribution balance;
  std::vector<FigureAttribution> dependence;  // the model's directions, then "other"
  std::vector<FigureAttribution> leverage;
};

// At most this many factors (2^n evaluations of the composites).
inline constexpr size_t kMaxAttributionFactors = 20;

// The decomposition of `to` against `from`; both must be published years of
// one sheet of `model` (throws Error otherwise, or with more factors than the limit).
SheetAttribution attribute_change(const Model& model, const YearSheet& from, const YearSheet& to);

}  // namespace tengerim
