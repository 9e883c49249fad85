#include "data/CountryNames.h"

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/Text.h"

namespace tengerim {

const CountryNames& CountryNames::builtin() {
  static const CountryNames names = [] {
    auto text = [](const char* path) {
      auto file = find_embedded_file(path);
      if (!file) throw Error(ErrorKind::Internal, {}, std::string("missing built-in table ") + path);
      return std::string(*file);
    };
    return parse(text("reference/country_names.csv"), "builtin:reference/country_names.csv",
                 find_embedded_file("reference/cow_states.csv") ? text("reference/cow_states.csv")
                                                                : std::string("cow_code,cow_abb,cow_name,iso3,source\n"),
                 "builtin:reference/cow_states.csv");
  }();
  return names;
}

CountryNames CountryNames::parse(const std::string& names_csv, const std::string& names_file,
                                 const std::string& cow_csv, const std::string& cow_file) {
  CountryNames table;
  auto names = CsvTable::parse(names_csv, names_file);
  names.require_columns({"dataset", "name", "iso3", "source"});
  const size_t dataset = names.require_column("dataset"), name = names.require_column("name"),
               iso3 = names.require_column("iso3");
  for (const auto& row : names.rows())
    table.by_name_[{row.cells[dataset], to_lower(trim(row.cells[name]))}] = trim(row.cells[iso3]);
  auto cow = CsvTable::parse(cow_csv, cow_file);
  cow.require_columns({"cow_code", "cow_abb", "cow_name", "iso3", "source"});
  const size_t code = cow.require_column("cow_code"), cow_iso3 = cow.require_column("iso3");
  for (const auto& row : cow.rows()) {
    std::string value = trim(row.cells[cow_iso3]);
    if (!value.empty()) table.by_cow_[cow.integer(row, code)] = value;
  }
  return table;
}

std::optional<std::string> CountryNames::iso3(const std::string& dataset, const std::string& name) const {
  auto found = by_name_.find({dataset, to_lower(trim(name))});
  if (found == by_name_.end() || found->second.empty()) return std::nullopt;
  return found->second;
}

bool CountryNames::known_without_code(const std::string& dataset, const std::string& name) const {
  auto found = by_name_.find({dataset, to_lower(trim(name))});
  return found != by_name_.end() && found->second.empty();
}

std::optional<std::string> CountryNames::iso3_of_cow(long cow_code) const {
  auto found = by_cow_.find(cow_code);
  if (found == by_cow_.end()) return std::nullopt;
  return found->second;
}

}  // namespace tengerim
