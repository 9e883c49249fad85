#pragma once
#include "data/Importer.h"

namespace tengerim {

// World Bank GDP, current US$ (WDI NY.GDP.MKTP.CD): the focal state's GDP by
// year into gdp.csv, for the years of the model it extends.
class WdiGdpImporter : public Importer {
 public:
  std::string kind() const override { return "wdi-gdp"; }
  std::string files_help() const override { return "gdp_current_usd_1960_2023.csv"; }
  size_t file_count() const override { return 1; }
  ImportResult run(const ImportRequest& request, const CountryNames& names) const override;
};

}  // namespace tengerim
