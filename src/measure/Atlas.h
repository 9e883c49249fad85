#pragma once
// The world atlas: the balance sheet of every country in the data, for every
// year the data cover. Each country's model is cut from tables parsed once
// (CowTradeTable, ImfDotsTable, UnVotesTable, SipriTable, CowIgoTable, WdiGdpTable), assembled exactly as `tengerim import`
// assembles it, and measured with measure_balance; rows are handed out one
// country at a time so that memory stays bounded by one country.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "data/CowIgoTable.h"
#include "data/CowTradeTable.h"
#include "data/ImfDotsTable.h"
#include "data/SipriTable.h"
#include "data/UnVotesTable.h"
#include "data/WdiGdpTable.h"
#include "model/Model.h"

namespace tengerim {

struct AtlasInputs {
  const CowTradeTable* trade = nullptr;  // optional
  const ImfDotsTable* dots = nullptr;    // optional: trade 2000-2020, before COW where both cover a year
  const WdiGdpTable* gdp = nullptr;      // optional: each country's GDP (gdp.csv)
  const UnVotesTable* votes = nullptr;   // optional
  const SipriTable* arms = nullptr;      // optional: domain `arms`
  const CowIgoTable* igo = nullptr;      // optional: formats
  std::optional<Model> direction_set;    // replaces data/reference/default_directions.toml
  std::vector<std::string> files;        // recorded in each model's request (messages)
};

// One country-year of the atlas; optional = not defined that year.
struct AtlasRow {
  std::string country;  // ISO3
  std::string name;
  int year = 0;
  std::vector<std::string> domains;  // with data this year
  double coverage = 0;
  std::vector<std::optional<double>> dependence, leverage;  // per direction, in direction-set order
  bool published = false;  // the coverage rule (docs/model.md §2a); else the composites are unset
  std::optional<double> balance, separation, max_dependence, max_leverage;
  std::optional<int> critical_pairs;
  std::vector<std::optional<double>> alignment;  // per direction
  std::vector<long> votes;                        // per direction
  std::optional<double> equidistance;
  // Per direction, when formats were given: formats with a member of the
  // direction, security ones among them, and security formats flagged for
  // having no member of the direction.
  // Empty when the year has no formats.
  std::vector<int> formats, security_formats, security_excluding;
  std::string trade_sources;  // the sources of the year's exports and imports figures, ';'-joined
  std::optional<double> gdp;  // current US$, when GDP was given
};

class Atlas {
 public:
  explicit Atlas(AtlasInputs inputs);

  const std::vector<std::string>& direction_ids() const { return direction_ids_; }
  const std::vector<std::string>& countries() const { return countries_; }  // ISO3, sorted
  // Rows of countries()[index], in year order.
  std::vector<AtlasRow> rows_for(size_t index);
  // Unmatched partner labels with their row counts, summed over every country.
  const std::map<std::string, long>& unmatched() const { return unmatched_; }

 private:
  Model directions_for(const std::string& focal) const;

  AtlasInputs inputs_;
  std::vector<std::string> direction_ids_;
  std::vector<std::string> countries_;
  std::map<std::string, long> unmatched_;
};

}  // namespace tengerim
