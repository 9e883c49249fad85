#pragma once
// Fills one domain's figure for one year from its observations by the
// domain's declared method (docs/model.md §2a): observed, carried forward,
// interpolated between observations, or summed / averaged over a window.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "measure/BalanceSheet.h"
#include "measure/ObservedTies.h"
#include "model/GapFill.h"

namespace tengerim {

struct FilledDomain {
  Basis basis = Basis::None;
  int age = 0;     // Carried / Interpolated: years to the nearest observation
  int window = 0;  // Window: the window's length
  std::vector<int> observed_years;
  std::vector<std::pair<std::string, double>> partners;  // by partner code
  std::optional<double> world;  // the WLD total, when every observation used gives one
  std::vector<std::string> sources;  // sorted, unique
  bool present() const { return basis != Basis::None; }
};

struct FillRule {
  FillMethod method = FillMethod::None;
  int max_age = 0;
  int window = 1;
};

FilledDomain fill_domain(const ObservedTies& ties, size_t domain, int year, const FillRule& rule);

}  // namespace tengerim
