#pragma once
// Uncertainty bands of the balance sheet (docs/measures.md, "Bands"): every
// judgement the sheet rests on — domain weights, substitutabilities, gap-filling
// limits, the critical and coverage thresholds — is drawn within its declared
// range on one Latin hypercube (common/LatinHypercube.h), the sheet is measured
// at each point, and each composite is summarised by its 5th, 50th and 95th
// percentiles over the draws in which its year is published.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "measure/MeasureSettings.h"
#include "measure/ObservedTies.h"
#include "model/Model.h"

namespace tengerim {

struct Band {
  double p05 = 0;
  double p50 = 0;
  double p95 = 0;
};

struct NamedBand {
  std::string name;  // a direction (or "other")
  Band band;
};

// A flag or a lead and the share of all draws in which it holds.
struct Robustness {
  std::string domain;
  std::string direction;
  double share = 0;
};

struct YearBands {
  int year = 0;
  size_t published_draws = 0;  // draws in which the coverage rule publishes the year
  double published_share = 0;  // of all draws
  // Over the published draws; unset when no draw publishes the year (or, for
  // predictability, none defines it).
  std::optional<Band> balance;
  std::optional<Band> separation;
  std::optional<Band> predictability;
  std::optional<Band> max_dependence;
  std::optional<Band> max_leverage;
  std::optional<Band> leverage_gap;
  std::vector<NamedBand> dependence;  // model directions, then "other"; empty when unpublished
  std::vector<NamedBand> leverage;
  // Every (domain, direction) critical in at least one draw, and every (domain,
  // leader) leading in at least one: share over all draws (absent counts as not holding).
  std::vector<Robustness> critical;
  std::vector<Robustness> leads;
};

struct SheetBands {
  size_t draws = 0;
  uint64_t seed = 0;
  std::vector<std::string> varied;  // the judgements drawn, in the design's column order
  std::vector<YearBands> years;     // years with ties, ascending

  const YearBands* find_year(int year) const {
    for (const auto& entry : years)
      if (entry.year == year) return &entry;
    return nullptr;
  }
};

struct BandOptions {
  size_t draws = 0;
  uint64_t seed = 0;
  size_t threads = 1;  // the result does not depend on it
  SheetBasis basis = SheetBasis::Filled;
  std::function<void(size_t, size_t)> progress;  // called between blocks of draws; may throw to stop
};

// The judgements a draw varies and the settings at one point of the design;
// exposed so that tests and the attribution can see exactly what a draw is.
std::vector<std::string> varied_judgements(const Model& model);
MeasureSettings settings_at(const Model& model, SheetBasis basis, const std::vector<double>& point);

SheetBands measure_bands(const Model& model, const ObservedTies& ties, const BandOptions& options);

// The p-quantile of sorted values, linear between order statistics (Hyndman and Fan 1996, type 7).
double sorted_quantile(const std::vector<double>& sorted, double p);

}  // namespace tengerim
