#pragma once
#include "data/Importer.h"

namespace tengerim {

// COW Intergovernmental Organizations v3 (igo_year_format3.csv): one row per
// IGO-year, one column per state (0 none, 1 full, 2 associate, 3 observer,
// -9 missing, -1 not in the system; empty = no value). Each IGO in which the
// focal state is a FULL member (1) that year becomes a format of that year;
// its members are the states with status 1. Associate and observer
// memberships are counted in a note, not imported. Kind: `security` when the
// IGO is listed in data/reference/security_igos.csv (a documented judgement),
// else the file's flags in the order political, economic, social, else `other`.
class CowIgoImporter : public Importer {
 public:
  std::string kind() const override { return "cow-igo"; }
  std::string files_help() const override { return "igo_year_format3.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
