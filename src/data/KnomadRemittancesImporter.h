#pragma once
#include "data/Importer.h"

namespace tengerim {

// World Bank/KNOMAD bilateral remittance matrices, in the long form
// `sending_country, receiving_country, remittances_musd` (one file per
// matrix year; the year is read from the file's name, since the matrix holds
// none), and optionally the remittance inflow table `country, 2000, ...,
// 2023e, pct_of_gdp_2023` (told from its header). Writes remittances_in (sent
// to the focal state, by sending country) and remittances_out (sent from it,
// by receiving country), in US$ million, each year's WLD tie the matrix's
// WORLD cell. The matrices are model estimates (migrant stocks x incomes),
// not reported data: every tie says so in its note. The inflow table, when
// given, is compared with each matrix's WORLD total for the focal state.
class KnomadRemittancesImporter : public Importer {
 public:
  std::string kind() const override { return "knomad-remittances"; }
  std::string files_help() const override {
    return "bilateral_remittance_matrix_YYYY_long.csv... [inward_remittance_flows.csv]";
  }
  size_t file_count() const override { return 1; }
  size_t max_files() const override { return 3; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
