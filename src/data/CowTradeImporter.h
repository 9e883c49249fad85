#pragma once
#include "data/Importer.h"

namespace tengerim {

// Correlates of War dyadic trade v4.0 (non-directed dyad-years, million USD):
// both directions of every dyad of the focal state become its imports and
// exports by partner (flow1 = imports of ccode1 from ccode2, flow2 the reverse).
class CowTradeImporter : public Importer {
 public:
  std::string kind() const override { return "cow-trade"; }
  std::string files_help() const override { return "cow_trade_dyadic_ndy.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
