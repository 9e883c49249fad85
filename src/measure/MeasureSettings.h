#pragma once
// Every judgement the balance sheet depends on, resolved per domain: the
// declared values by default, one drawn point in a sensitivity run
// (measure/SheetBands.h). Measuring takes a model and its settings, so a
// draw changes numbers, never the model.
#include <string>
#include <vector>

#include "model/Model.h"

namespace tengerim {

enum class SheetBasis {
  Filled,    // the fixed basket: each domain's declared gap filling
  Observed,  // only what was observed in the year
};

// Where the domain weights come from (docs/measures.md, "Weights from magnitudes").
enum class WeightBasis {
  Declared,   // the model's judgements
  Magnitude,  // the money domains present share their declared weight in proportion to their USD totals
};

struct MeasureSettings {
  SheetBasis basis = SheetBasis::Filled;
  WeightBasis weights = WeightBasis::Declared;
  std::vector<double> weight;                   // per domain, summing to 1
  std::vector<std::vector<double>> sigma;       // per domain, per model direction then "other"
  std::vector<int> max_age;                     // per domain (CarryForward, Interpolate)
  std::vector<int> window;                      // per domain (RollingSum, RollingMean)
  double critical_share = 0.5;
  double critical_leverage = 0.25;
  double coverage_threshold = 0.75;
  double key_domain_weight = 0.15;

  // The model's declared values.
  static MeasureSettings declared(const Model& model);
};

const char* to_string(SheetBasis basis);
const char* to_string(WeightBasis weights);

}  // namespace tengerim
