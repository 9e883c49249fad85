#pragma once
// The product-level strategic-dependency test of the European Commission
// (SWD(2021) 352) with CEPII's persistence rule: a product is dependent when
// all three criteria hold, with strict inequalities, in at least
// `persistence_years` of its last three years.
#include <string>
#include <vector>

#include "model/Model.h"

namespace tengerim {

struct ProductYear {
  int year = 0;
  std::vector<double> supplier_imports;  // imports from each supplier outside the focal bloc
  double total_demand = 0;               // denominator of import dependence
  double substitutability_ratio = 0;     // e.g. extra-bloc imports / own exports of the product
};

struct ProductThresholds {
  double hhi = 0.4;
  double import_dependence = 0.5;
  double substitutability = 1.0;
  int persistence_years = 2;
};

struct ProductYearTest {
  int year = 0;
  double hhi = 0;
  double import_dependence = 0;
  double substitutability_ratio = 0;
  bool concentrated = false;  // hhi > threshold
  bool dependent = false;     // import_dependence > threshold
  bool hard_to_substitute = false;
  bool all_met() const { return concentrated && dependent && hard_to_substitute; }
};

struct ProductVerdict {
  std::string product;
  std::vector<ProductYearTest> years;  // the last three years given, ascending
  int years_met = 0;
  bool strategic_dependence = false;
};

// `years` may be in any order; only the latest three are judged.
ProductVerdict assess_product(const std::string& product, std::vector<ProductYear> years,
                              const ProductThresholds& thresholds);

// Every product of the model judged at `year` over its years year-2..year
// that have both supplier imports and a context row; thresholds from the
// model's product_* parameters.
std::vector<ProductVerdict> assess_model_products(const Model& model, int year);

}  // namespace tengerim
