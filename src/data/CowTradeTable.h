#pragma once
// The Correlates of War dyadic trade file (v4.0, non-directed dyad-years),
// parsed once and kept compact, so that any number of focal countries can
// be cut from it (`tengerim import cow-trade` for one, `tengerim atlas` for all).
#include <cstdint>
#include <string>
#include <vector>

#include "common/CsvScanner.h"
#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class CowTradeTable {
 public:
  // Reads ccode1,ccode2,year,flow1,flow2,smoothflow1,smoothflow2 (blank flow = missing).
  // With `only_focal` (an ISO3), every row is still checked but only that state's
  // dyads are kept: the table then answers result_for that state alone.
  static CowTradeTable parse(std::string_view text, const std::string& file, const CountryNames& names,
                             const CountryTable& countries = CountryTable::builtin(),
                             const std::string& only_focal = "");

  // Exports and imports ties of request.focal with every partner (million USD),
  // the domains and the source row; unknown partner codes go to note_unmatched.
  ImportResult result_for(const ImportRequest& request) const;
  // The ISO3 codes of every state in the table that has an ISO3, sorted (with only_focal: it and its partners).
  std::vector<std::string> countries() const;

 private:
  struct Dyad {
    int32_t line;
    int16_t code1, code2;
    int16_t year;
    double flow1, flow2;  // NaN = missing
  };
  struct DyadColumns {
    size_t code1, code2, year, flow1, flow2;
  };
  // Reads every row; keeps those with a code marked in `keep` (all when it is empty).
  static void scan_dyads(CsvScanner& csv, const DyadColumns& columns, const std::vector<bool>& keep,
                         std::vector<Dyad>& dyads);

  std::string file_;
  std::string only_focal_;  // "" = every state's dyads are kept
  std::vector<Dyad> dyads_;
  std::vector<std::string> iso3_of_code_;         // by COW code; "" = no ISO3
  std::vector<uint32_t> rows_by_code_;   // indices into dyads_, grouped by COW code (each dyad twice)
  std::vector<uint32_t> first_of_code_;  // by COW code: where its rows start in rows_by_code_; kCodes + 1 entries
};

}  // namespace tengerim
