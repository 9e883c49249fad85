#include "model/CountryTable.h"

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"

namespace tengerim {

const CountryTable& CountryTable::builtin() {
  static const CountryTable table = [] {
    const char* path = "reference/countries.csv";
    auto text = find_embedded_file(path);
    if (!text) throw Error(ErrorKind::Internal, {}, "the built-in country table is missing");
    return parse(std::string(*text), std::string("builtin:") + path);
  }();
  return table;
}

CountryTable CountryTable::parse(const std::string& text, const std::string& file) {
  auto csv = CsvTable::parse(text, file);
  csv.require_columns({"iso3", "iso2", "m49", "name", "source"});
  const size_t iso3 = csv.require_column("iso3"), iso2 = csv.require_column("iso2"),
               m49 = csv.require_column("m49"), name = csv.require_column("name");
  CountryTable table;
  for (const auto& row : csv.rows()) {
    Country country{row.cells[iso3], row.cells[iso2], row.cells[m49], row.cells[name]};
    if (country.iso3.size() != 3) fail_input(csv.at(row, iso3), "expected a three-letter code");
    if (!table.by_iso3_.emplace(country.iso3, country).second)
      fail_input(csv.at(row, iso3), "duplicate code " + country.iso3);
    if (!country.iso2.empty() && !table.iso3_by_iso2_.emplace(country.iso2, country.iso3).second)
      fail_input(csv.at(row, iso2), "duplicate code " + country.iso2);
  }
  return table;
}

const Country* CountryTable::find(const std::string& iso3) const {
  auto found = by_iso3_.find(iso3);
  return found == by_iso3_.end() ? nullptr : &found->second;
}

const Country* CountryTable::find_iso2(const std::string& iso2) const {
  auto found = iso3_by_iso2_.find(iso2);
  return found == iso3_by_iso2_.end() ? nullptr : find(found->second);
}

std::string CountryTable::name_of(const std::string& iso3) const {
  const Country* country = find(iso3);
  return country ? country->name : iso3;
}

}  // namespace tengerim
