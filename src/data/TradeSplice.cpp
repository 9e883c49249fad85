#include "data/TradeSplice.h"

#include <algorithm>
#include <map>
#include <set>

namespace tengerim {
namespace {

struct Side {
  int precedence = -1;
  std::string source;  // the first source of that precedence
  double total = 0;
};

using Key = std::pair<std::string, int>;  // (domain, year)

std::map<Key, Side> sides(const std::vector<Tie>& ties) {
  std::map<Key, Side> out;
  for (const auto& tie : ties) {
    Side& side = out[{tie.domain, tie.year}];
    const int precedence = tie_precedence(tie.source);
    if (precedence > side.precedence) side.precedence = precedence, side.source = tie.source;
    if (tie.partner != kWorldCode) side.total += tie.value;
  }
  return out;
}

// The source family a splice row names: an IMF mirror figure is IMF DOTS.
std::string family(const std::string& source) { return source == "imf-dots-mirror" ? "imf-dots" : source; }

// Precedence decides only between two ranked sources; any other import replaces, as before.
bool ranked(const Side& a, const Side& b) { return a.precedence > 0 && b.precedence > 0; }

}  // namespace

int tie_precedence(const std::string& source) {
  if (source == "imf-dots" || source == "imf-dots-mirror") return 2;
  if (source == "cow-trade-4.0") return 1;
  return 0;
}

std::vector<SpliceRow> splice_rows(const std::vector<Tie>& existing, const std::vector<Tie>& imported) {
  const auto before = sides(existing);
  std::vector<SpliceRow> rows;
  for (const auto& [key, side] : sides(imported)) {
    auto found = before.find(key);
    if (found == before.end() || !ranked(found->second, side) || found->second.precedence == side.precedence) continue;
    const bool keep_imported = side.precedence > found->second.precedence;
    const Side& kept = keep_imported ? side : found->second;
    const Side& dropped = keep_imported ? found->second : side;
    rows.push_back({key.first, key.second, family(kept.source), family(dropped.source), kept.total, dropped.total});
  }
  return rows;
}

void merge_ties(std::vector<Tie>& ties, const std::vector<Tie>& imported) {
  const auto before = sides(ties), after = sides(imported);
  std::set<Key> replaced, kept;
  for (const auto& [key, side] : after) {
    auto found = before.find(key);
    const bool keep = found != before.end() && ranked(found->second, side) && found->second.precedence > side.precedence;
    (keep ? kept : replaced).insert(key);
  }
  ties.erase(std::remove_if(ties.begin(), ties.end(),
                            [&](const Tie& tie) { return replaced.count({tie.domain, tie.year}) > 0; }),
             ties.end());
  for (const auto& tie : imported)
    if (!kept.count({tie.domain, tie.year})) ties.push_back(tie);
}

}  // namespace tengerim
