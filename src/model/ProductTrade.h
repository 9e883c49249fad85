#pragma once
// Product-level trade for the strategic-dependency test (optional files of a
// model folder): imports of each product by supplier, and per product-year
// the total demand and the substitutability ratio.
#include <string>

namespace tengerim {

struct ProductImport {  // products.csv: product,year,partner,imports,source
  std::string product;  // e.g. an HS6 code
  int year = 0;
  std::string partner;
  double imports = 0;
  std::string source;
};

struct ProductContext {  // product_context.csv: product,year,total_demand,substitutability_ratio,source
  std::string product;
  int year = 0;
  double total_demand = 0;
  double substitutability_ratio = 0;
  std::string source;
};

}  // namespace tengerim
