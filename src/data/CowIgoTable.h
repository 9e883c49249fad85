#pragma once
// COW Intergovernmental Organizations v3 (igo_year_format3.csv), parsed once
// for every state, so that any number of focal states can be cut from it
// (`tengerim import cow-igo` for one, `tengerim atlas --igo` for all).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class CowIgoTable {
 public:
  // One row per IGO-year, one column per state; checks every status and flag.
  static CowIgoTable parse(std::string_view text, const std::string& file, const CountryNames& names,
                           const CountryTable& countries = CountryTable::builtin());

  // The IGO-years in which request.focal is a full member, as formats.
  // Fails when no state column maps to the focal state.
  ImportResult result_for(const ImportRequest& request) const;
  // ISO3 codes with a state column, sorted.
  std::vector<std::string> countries() const;
  bool has_state(const std::string& iso3) const;
  // State columns with no ISO3 and unknown to country_names.csv, with the
  // number of IGO-years in which they are full members (for any focal).
  const std::map<std::string, long>& unmatched_members() const { return unmatched_members_; }

 private:
  struct StateColumn {
    std::string name;
    std::optional<std::string> iso3;  // empty: a historical state (known) or an unknown name
    bool known;
  };
  struct IgoYear {
    long line;
    int year;
    std::string format, name, kind;
    std::vector<std::string> members;    // ISO3 of the full members, sorted, unique
    std::vector<int8_t> status;          // by state column
    std::vector<uint16_t> unknown_full;  // state columns with no known name and status 1
  };
  std::string file_;
  std::vector<StateColumn> states_;
  std::vector<IgoYear> rows_;
  std::map<std::string, long> unmatched_members_;
};

}  // namespace tengerim
