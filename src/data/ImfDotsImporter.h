#pragma once
#include "data/Importer.h"

namespace tengerim {

// IMF Direction of Trade Statistics (long form, million USD): the focal
// state's exports (FOB) and imports (CIF) by partner as it reports them, a
// partner's mirror figure where it reports none, its World row as WLD.
class ImfDotsImporter : public Importer {
 public:
  std::string kind() const override { return "imf-dots"; }
  std::string files_help() const override { return "imf_dots_annual_2000_2020.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
