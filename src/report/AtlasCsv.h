#pragma once
// The world atlas as one wide CSV table, one row per country-year:
// country,name,year,domains,coverage, dependence_<d>..., leverage_<d>...,
// balance,separation,max_dependence,max_leverage,critical_pairs,
// alignment_<d>..., votes_<d>..., equidistance (blank = not defined that year);
// with formats (atlas.cow_igo): formats_<d>..., security_formats_<d>...,
// security_excluding_<d>...; with IMF trade or GDP (atlas.imf_dots,
// atlas.wdi_gdp): trade_sources, gdp_usd

#include <string>
#include <vector>

#include "measure/Atlas.h"

namespace tengerim {

std::string atlas_csv_header(const std::vector<std::string>& direction_ids, bool with_formats = false,
                             bool with_sources = false);
// Appends one line per row to `out`; `formats_columns` is the number of
// formats columns in the header (0 without formats).
void append_atlas_csv(const std::vector<AtlasRow>& rows, std::string& out, size_t formats_columns = 0,
                      bool with_sources = false);

}  // namespace tengerim
