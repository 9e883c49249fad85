#pragma once
#include "data/Importer.h"

namespace tengerim {

// ATOP alliance obligations v5.1 as directed dyad-years (atop_alliance_ddy.csv:
// ccode1, ccode2, year and the 0/1 pledges atop_defense, atop_offense,
// atop_neutral, atop_nonagg, atop_consul). Rows whose ccode1 is the focal
// state become one alliance row per partner-year; COW codes that map to the
// same ISO3 in a year are merged by OR-ing their pledges.
class AtopImporter : public Importer {
 public:
  std::string kind() const override { return "atop"; }
  std::string files_help() const override { return "atop_alliance_ddy.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
