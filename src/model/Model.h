#pragma once
// The description of a focal state's ties: what the engine measures.
// Readers build it and validate it; the engine only reads it
// (a description kept apart from the runs made on it).
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/GapFill.h"
#include "model/Judgement.h"
#include "model/Parameters.h"
#include "model/ProductTrade.h"
#include "model/Relations.h"

namespace tengerim {

// Partner codes that are not countries (documented in data/reference/countries.csv).
inline constexpr const char* kWorldCode = "WLD";    // the domain's total for a year
inline constexpr const char* kUnknownCode = "XUN";  // a partner the source does not name

struct Direction {
  std::string id;    // e.g. "east"
  std::string name;  // e.g. "China"
  std::vector<std::string> members;  // ISO3 or bloc codes
  std::string rationale;
};

struct Bloc {
  std::string id;  // e.g. "EU27"
  std::string name;
  std::vector<std::string> members;  // ISO3 codes
};

struct Domain {
  std::string id;    // e.g. "imports"
  std::string name;
  std::string unit;  // e.g. "thousand USD"
  std::string description;
  Judgement weight;            // share of the domain in dependence and leverage
  Judgement substitutability;  // sigma: 1 = freely replaceable within a year
  std::map<std::string, Judgement> substitutability_by_direction;  // overrides
  GapFill fill;  // how years without observations are filled
  // measure = "stock": the domain counts a level built over years (an investment stock, people
  // living abroad), not a yearly flow. No power can cut a stock within a year, so pressure never
  // acts on it, and no plan moves it.
  bool stock = false;
  // steerable = false: the state has no lever that moves the domain's partners within a year
  // (remittances are private transfers), so plans hold it fixed. Stocks are never steerable.
  bool steerable = true;
  bool movable() const { return steerable && !stock; }
};

struct Tie {
  std::string domain;
  std::string partner;
  int year = 0;
  double value = 0;
  std::string source;
  std::string note;
  long line = 0;  // in ties.csv
};

struct Source {
  std::string id;
  std::string publisher;
  std::string title;
  std::string year;
  std::string address;
};

// The focal state's GDP in one year (gdp.csv), current US dollars.
struct GdpObservation {
  double value_usd = 0;
  std::string source;
  long line = 0;  // in gdp.csv
};

struct Model {
  std::string origin;  // where it was read from, for messages
  std::string focal;   // ISO3
  std::string name;
  int first_year = 0;
  int last_year = 0;
  std::optional<int> default_year;  // the year `report` shows when none is asked
  std::string default_year_rationale;
  std::vector<Direction> directions;
  std::vector<Bloc> blocs;
  std::vector<Domain> domains;
  Parameters parameters;
  std::vector<Tie> ties;
  std::vector<Source> sources;
  std::vector<ProductImport> product_imports;    // optional products.csv
  std::vector<ProductContext> product_context;  // optional product_context.csv
  Relations relations;  // optional alignment.csv, formats.csv, alliances.csv, channels.csv, idealpoints.csv
  std::map<int, GdpObservation> gdp;  // optional gdp.csv, by year

  const Domain* find_domain(const std::string& id) const;
  const Direction* find_direction(const std::string& id) const;
  // The direction a partner belongs to (directly or through a bloc), or "" for other.
  std::string direction_of(const std::string& partner) const;
};

}  // namespace tengerim
