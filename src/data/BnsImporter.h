#pragma once
#include "data/Importer.h"

namespace tengerim {

// Kazakhstan's official foreign trade by country (Bureau of National
// Statistics), in the tidy CSV shipped with the data (one row per partner,
// sheet and edition). For each year the edition of that year is used (it
// holds the year as its main sheet); a year found only in other editions
// comes from the latest of them.
class BnsImporter : public Importer {
 public:
  std::string kind() const override { return "bns"; }
  std::string files_help() const override { return "kaz_trade_by_country.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
