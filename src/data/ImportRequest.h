#pragma once
// What `tengerim import` was asked to do, and what an importer hands back.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/Model.h"

namespace tengerim {

struct ImportRequest {
  std::string kind;                // bns, comtrade, cow-trade, imf-dots, wdi-gdp, sipri, unvotes, unga-idealpoints, knomad-remittances, uis-students, cow-igo, atop, undesa-migrants, icews
  std::vector<std::string> files;  // the input files, in the order the kind documents
  std::string focal;               // ISO3
  std::optional<int> first_year;   // --years A-B
  std::optional<int> last_year;
  bool strict = false;             // unmatched names are errors

  bool wants_year(int year) const {
    return (!first_year || year >= *first_year) && (!last_year || year <= *last_year);
  }
};

// A domain an importer fills; weights are set when the model is assembled.
struct DomainSpec {
  std::string id;
  std::string name;
  std::string unit;
  std::string description;
  Judgement substitutability;
  bool stock = false;  // a level (people abroad), not a yearly flow: Domain::stock
  bool steerable = true;  // false: no lever of the state moves it (private transfers): Domain::steerable
};

struct ImportResult {
  std::vector<DomainSpec> domains;
  std::vector<Tie> ties;  // every tie's domain is one of `domains`
  Relations relations;
  std::map<int, GdpObservation> gdp;  // the focal state's GDP by year (gdp.csv)
  std::vector<Source> sources;
  std::map<std::string, long> unmatched;  // partner names with no ISO3, with their row counts
  std::vector<std::string> notes;         // what the user should know (printed on stderr)
};

}  // namespace tengerim
