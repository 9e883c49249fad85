#pragma once
// A model's ties indexed once by domain and year, so that filling a year
// (measure/BasketFiller.h) looks up observations instead of scanning ties.csv.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/Model.h"

namespace tengerim {

struct ObservedYear {
  std::vector<const Tie*> partners;  // every partner row (values may be 0)
  const Tie* world = nullptr;        // the WLD row, when given
  bool has_positive() const;
};

class ObservedTies {
 public:
  explicit ObservedTies(const Model& model);

  // The observations of domain `domain` (model order) in `year`, or null.
  const ObservedYear* find(size_t domain, int year) const;
  // The years with a positive observation, ascending.
  const std::vector<int>& years(size_t domain) const { return years_[domain]; }

 private:
  std::vector<std::map<int, ObservedYear>> by_domain_;
  std::vector<std::vector<int>> years_;
};

}  // namespace tengerim
