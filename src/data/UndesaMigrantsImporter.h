#pragma once
#include "data/Importer.h"

namespace tengerim {

// UN DESA International Migrant Stock by origin and destination: the 2019
// revision in the wide form `Year, Dest, <one column per origin>`, or the 2020
// revision in the long form `to, from, t, sex, v` (told from the header;
// persons, both sexes). Writes two
// domains: migrants_abroad (focal-born living in each destination: the
// focal's origin column) and migrants_in (partner-born living in the focal
// state: the focal's destination row).
class UndesaMigrantsImporter : public Importer {
 public:
  std::string kind() const override { return "undesa-migrants"; }
  std::string files_help() const override { return "UN_MigrantStockByOriginAndDestination_2019.csv | undesa_ims2020_bilateral_stock_by_sex.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
