#pragma once
// The shipped country table (data/reference/countries.csv): ISO 3166-1 codes
// from Debian's iso-codes plus Tengerim's documented pseudo-codes (WLD, XUN).
#include <map>
#include <optional>
#include <string>

namespace tengerim {

struct Country {
  std::string iso3;
  std::string iso2;
  std::string m49;
  std::string name;
};

class CountryTable {
 public:
  // The built-in table compiled into the binary.
  static const CountryTable& builtin();
  static CountryTable parse(const std::string& text, const std::string& file);

  bool contains(const std::string& iso3) const { return by_iso3_.count(iso3) > 0; }
  const Country* find(const std::string& iso3) const;
  std::string name_of(const std::string& iso3) const;  // the code itself when unknown
  // The country with this ISO 3166-1 alpha-2 code (e.g. "KZ"), or nullptr.
  const Country* find_iso2(const std::string& iso2) const;
  size_t size() const { return by_iso3_.size(); }

 private:
  std::map<std::string, Country> by_iso3_;
  std::map<std::string, std::string> iso3_by_iso2_;
};

}  // namespace tengerim
