#pragma once
// The shipped HS chapter -> domain table (data/reference/hs2_domains.csv),
// with the ids of the source rows each mapping cites.
#include <map>
#include <string>
#include <vector>

namespace tengerim {

struct Hs2Domain {
  std::string domain;                // e.g. "energy"
  std::vector<std::string> sources;  // ids in data/reference/sources.csv, e.g. {"hs2-names", "tengerim"}
};

// Two-digit chapter ("01" … "97") -> its domain.
const std::map<std::string, Hs2Domain>& hs2_domains();

}  // namespace tengerim
