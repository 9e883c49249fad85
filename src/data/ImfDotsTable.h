#pragma once
// The IMF Direction of Trade Statistics in long form (reporter, partner,
// flow, year, million USD), parsed once for every reporter, so that any
// number of focal states can be cut from it (`tengerim import imf-dots` for
// one, `tengerim atlas --imf-dots` for all).
#include <cstdint>
#include <string>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class ImfDotsTable {
 public:
  // Reads reporter,partner,flow,year,value_musd,estimated; every row is checked
  // (flow X or M, a whole year, a non-negative value, estimated 0 or 1, no
  // repeated reporter-partner-flow-year). With `only_focal`, only the rows with
  // that state as reporter or partner are kept.
  static ImfDotsTable parse(std::string_view text, const std::string& file, const CountryNames& names,
                            const CountryTable& countries = CountryTable::builtin(),
                            const std::string& only_focal = "");

  // Ties `exports` and `imports` of request.focal by partner (million USD): its
  // own reports, else the partner's mirror figure (source imf-dots-mirror),
  // the World row as WLD; the domains and the source rows.
  ImportResult result_for(const ImportRequest& request) const;
  // Every code of the table that is a country (as reporter or partner), sorted.
  std::vector<std::string> countries() const;

 private:
  enum class Kind : uint8_t { Country, World, Known, Unmatched };
  struct Cell {
    int32_t line;
    uint16_t reporter, partner;  // indices into codes_
    int16_t year;
    bool exports;  // flow X; else M
    bool estimated;
    double value;
  };
  void group();  // fills the row indices by reporter and by partner

  std::string file_;
  std::string only_focal_;
  std::vector<std::string> codes_;
  std::vector<Kind> kinds_;  // by code index
  std::vector<Cell> cells_;
  std::vector<uint32_t> by_reporter_, by_partner_;              // cell indices grouped by code, in file order
  std::vector<uint32_t> first_by_reporter_, first_by_partner_;  // by code: where its group starts; codes + 1 entries
};

}  // namespace tengerim
