#pragma once
#include "data/Importer.h"

namespace tengerim {

// UN Comtrade bulk CSV with the legacy column names (Reporter ISO, Trade Flow,
// Partner ISO, Commodity Code, Trade Value (US$), …). Rows the focal state
// reports become ties exports_<domain> / imports_<domain> (USD), the HS chapter
// mapped to a domain by data/reference/hs2_domains.csv; the World row becomes
// the WLD total. When the focal state reports nothing in the file, its
// partners' reports are used instead (mirror data, no WLD total).
class ComtradeImporter : public Importer {
 public:
  std::string kind() const override { return "comtrade"; }
  std::string files_help() const override { return "comtrade_bulk.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
