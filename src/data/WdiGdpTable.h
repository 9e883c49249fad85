#pragma once
// World Bank GDP in current US dollars (WDI NY.GDP.MKTP.CD, long form:
// Country Name, Country Code, Year, Value), parsed once for every country, so
// that any number of focal states can be cut from it (`tengerim import
// wdi-gdp` for one, `tengerim atlas --wdi-gdp` for all).
#include <map>
#include <string>
#include <vector>

#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class WdiGdpTable {
 public:
  // Checks every row: a whole year, a positive value (blank = not available),
  // no repeated code-year. Codes outside the country table (World Bank
  // aggregates such as WLD, EUU, income groups) are kept out.
  static WdiGdpTable parse(std::string_view text, const std::string& file,
                           const CountryTable& countries = CountryTable::builtin());

  // request.focal's GDP by year (gdp.csv rows, source wdi-gdp) and the source row.
  ImportResult result_for(const ImportRequest& request) const;
  std::vector<std::string> countries() const;  // ISO3, sorted

 private:
  std::string file_;
  std::map<std::string, std::map<int, double>> by_country_;  // ISO3 -> year -> US$
  long blanks_ = 0;
  long aggregate_rows_ = 0;
};

}  // namespace tengerim
