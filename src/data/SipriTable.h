#pragma once
// SIPRI's arms trade register, parsed once for every recipient, so that any
// number of focal states can be cut from it (`tengerim import sipri` for one,
// `tengerim atlas --sipri` for all).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "data/CountryNames.h"
#include "data/ImportRequest.h"
#include "model/CountryTable.h"

namespace tengerim {

class SipriTable {
 public:
  // Note lines, then the header; every line ends with ';'. Checks every row.
  static SipriTable parse(std::string_view text, const std::string& file, const CountryNames& names,
                          const CountryTable& countries = CountryTable::builtin());

  // Ties in domain `arms` of request.focal as recipient: TIV by supplier and
  // delivery year, the year's total as WLD; the domain and the source row.
  ImportResult result_for(const ImportRequest& request) const;
  // Recipients with an ISO3 in the country table, sorted.
  std::vector<std::string> countries() const;

 private:
  struct Delivery {
    long line;
    int year;
    double tiv;
    std::string supplier;  // ISO3 (or XUN); the name when `matched` is false
    bool matched;          // false: a supplier without ISO3
    bool known;            // a name known to have no ISO3 (e.g. "European Union**")
  };
  std::string file_;
  std::string generated_;                                  // "Data generated: …", if any
  std::map<std::string, std::vector<Delivery>> by_recipient_;  // ISO3 -> deliveries, in file order
};

}  // namespace tengerim
