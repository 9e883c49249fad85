#include "measure/ProductDependence.h"

#include <algorithm>

#include "measure/Concentration.h"

namespace tengerim {

ProductVerdict assess_product(const std::string& product, std::vector<ProductYear> years,
                              const ProductThresholds& thresholds) {
  std::sort(years.begin(), years.end(), [](const ProductYear& a, const ProductYear& b) { return a.year < b.year; });
  if (years.size() > 3) years.erase(years.begin(), years.end() - 3);
  ProductVerdict verdict;
  verdict.product = product;
  for (const auto& year : years) {
    double imports = 0;
    for (double value : year.supplier_imports) imports += value;
    std::vector<double> shares;
    for (double value : year.supplier_imports) shares.push_back(imports > 0 ? value / imports : 0);
    ProductYearTest test;
    test.year = year.year;
    test.hhi = herfindahl(shares);
    test.import_dependence = year.total_demand > 0 ? imports / year.total_demand : 0;
    test.substitutability_ratio = year.substitutability_ratio;
    test.concentrated = test.hhi > thresholds.hhi;
    test.dependent = test.import_dependence > thresholds.import_dependence;
    test.hard_to_substitute = test.substitutability_ratio > thresholds.substitutability;
    if (test.all_met()) ++verdict.years_met;
    verdict.years.push_back(test);
  }
  verdict.strategic_dependence = verdict.years_met >= thresholds.persistence_years;
  return verdict;
}

}  // namespace tengerim
