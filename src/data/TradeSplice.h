#pragma once
// Where two sources cover one domain-year (COW and IMF trade), a documented
// precedence decides which one the model keeps (docs/importers.md, "Trade:
// precedence and splice"), whatever the order of the imports, and the
// overlap is reported: per domain-year, both totals and their difference.
#include <string>
#include <vector>

#include "model/Model.h"

namespace tengerim {

// Higher wins: IMF DOTS (its mirror figures included) 2, COW trade 1, any other source 0.
int tie_precedence(const std::string& source);

// A domain-year that both sides cover from ranked sources of different precedence.
struct SpliceRow {
  std::string domain;
  int year = 0;
  std::string kept, dropped;             // the sources (of the highest precedence on each side)
  double kept_total = 0, dropped_total = 0;  // sums over the listed partners (WLD left out)
};

// The splice of `imported` into `existing`, in (domain, year) order.
std::vector<SpliceRow> splice_rows(const std::vector<Tie>& existing, const std::vector<Tie>& imported);

// Adds `imported` to `ties` domain-year by domain-year: a domain-year of
// `ties` whose precedence is higher than the imported one's (both ranked,
// i.e. above 0) is kept, else it is replaced (a re-import of the same
// source, or a source without a rank, replaces, as for any kind).
void merge_ties(std::vector<Tie>& ties, const std::vector<Tie>& imported);

}  // namespace tengerim
