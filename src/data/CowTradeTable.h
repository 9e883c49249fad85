#pragma once
// The Correlates of War dyadic trade file (v4.0, non-directed dyad-years),
// parsed once and kept compact, so that any number of focal countries can
// be cut from it (`tengerim import cow-trade` for one, `tengerim atlas` for all).
#include <cstdint>
#include <string>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class CowTradeTable {
 public:
  // Reads ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2 (blank flow = missing).
  static CowTradeTable parse(std::string_view text, const std::string& file, const CountryNames& names,
                             const CountryTable& countries = CountryTable::builtin());

  // Exports and imports ties of request.focal with every partner (million USD),
  // the domains and the source row; unknown partner codes go to note_unmatched.
  ImportResult result_for(const ImportRequest& request) const;
  // The ISO3 codes of every state in the file that has an ISO3, sorted.
  std::vector<std::string> countries() const;

 private:
  struct Dyad {
    int32_t line;
    int16_t code1, code2;
    int16_t year;
    double flow1, flow2;  // NaN = missing
  };
  std::string file_;
  std::vector<Dyad> dyads_;
  std::vector<std::string> iso3_of_code_;         // by COW code; "" = no ISO3
  std::vector<std::vector<uint32_t>> dyads_of_;  // by COW code: the rows with it
};

}  // namespace tengerim
