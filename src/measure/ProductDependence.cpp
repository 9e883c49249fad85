#include "measure/ProductDependence.h"

#include <algorithm>
#include <map>

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

std::vector<ProductVerdict> assess_model_products(const Model& model, int year) {
  ProductThresholds thresholds;
  thresholds.hhi = model.parameters.get("product_hhi");
  thresholds.import_dependence = model.parameters.get("product_import_dependence");
  thresholds.substitutability = model.parameters.get("product_substitutability");
  thresholds.persistence_years = static_cast<int>(model.parameters.get("product_persistence_years"));
  std::map<std::string, std::map<int, ProductYear>> by_product;
  for (const auto& context : model.product_context) {
    if (context.year > year || context.year < year - 2) continue;
    auto& entry = by_product[context.product][context.year];
    entry.year = context.year;
    entry.total_demand = context.total_demand;
    entry.substitutability_ratio = context.substitutability_ratio;
  }
  for (const auto& row : model.product_imports) {
    auto product = by_product.find(row.product);
    if (product == by_product.end()) continue;
    auto entry = product->second.find(row.year);
    if (entry != product->second.end()) entry->second.supplier_imports.push_back(row.imports);
  }
  std::vector<ProductVerdict> verdicts;
  for (auto& [product, years] : by_product) {
    std::vector<ProductYear> list;
    for (auto& [unused, entry] : years)
      if (!entry.supplier_imports.empty()) list.push_back(entry);
    if (!list.empty()) verdicts.push_back(assess_product(product, std::move(list), thresholds));
  }
  return verdicts;
}

}  // namespace tengerim
