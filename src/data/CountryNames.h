#pragma once
// Maps the partner names and codes that public datasets use to ISO3, from
// the shipped tables (data/reference/country_names.csv, cow_states.csv), so
// importers can report what they could not match (never drop silently).
#include <map>
#include <optional>
#include <string>

namespace tengerim {

class CountryNames {
 public:
  static const CountryNames& builtin();
  static CountryNames parse(const std::string& names_csv, const std::string& names_file,
                            const std::string& cow_csv, const std::string& cow_file);

  // The ISO3 for `name` in `dataset` (e.g. "sipri", "bns", "undesa", "cow_igo", "icews", "unvotes");
  // empty optional when the table has no ISO3 for it (unknown, or a region / non-state actor).
  std::optional<std::string> iso3(const std::string& dataset, const std::string& name) const;
  // True when the table lists the name but deliberately gives no ISO3 (an aggregate or non-state actor).
  bool known_without_code(const std::string& dataset, const std::string& name) const;
  std::optional<std::string> iso3_of_cow(long cow_code) const;

 private:
  std::map<std::pair<std::string, std::string>, std::string> by_name_;  // (dataset, lower-case name) -> iso3 or ""
  std::map<long, std::string> by_cow_;
};

}  // namespace tengerim
