#include "data/UisStudentsImporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>

#include "common/CsvScanner.h"
#include "common/MappedFile.h"
#include "common/NameIds.h"
#include "common/Text.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

constexpr const char* kDataset = "uis";
constexpr const char* kSource = "uis-students-360info";
// UIS's 2020 and 2021 releases were partial when 360info cut its tables (2,069 and 61 rows; Kazakhstan's
// 2020 destinations lack Russia): a share of such a year would be a share of what was reported.
constexpr int kLastCompleteYear = 2019;

// One of the two tables: the column holding the focal state, the partner's, and the domain written.
struct Layout {
  const char* own_column;
  const char* partner_column;
  const char* domain;
};
constexpr Layout kByOrigin{"origin_country_name", "dest_country_lumped", "students_abroad"};
constexpr Layout kByDestination{"dest_country_name", "origin_country_lumped", "students_in"};

// `cond_all`: four flags in fixed places, each its letter or '-'.
std::string flags_note(CsvScanner& csv, size_t column) {
  const std::string cell(trim(csv.field(column)));
  static const char* const meanings[] = {"includes data of another category", "included in another category",
                                         "national estimate", "UIS estimate"};
  std::vector<std::string> parts;
  for (size_t start = 0; start < cell.size();) {
    const size_t end = std::min(cell.find(' ', start), cell.size());
    if (end > start) parts.push_back(cell.substr(start, end - start));
    start = end + 1;
  }
  if (parts.size() != 4) fail_input(csv.at(column), fmt::format("'{}': expected four flags 'a b c d' ('-' if absent)", cell));
  std::vector<std::string> said;
  for (size_t i = 0; i < 4; ++i) {
    const std::string letter(1, static_cast<char>('a' + i));
    if (parts[i] == letter) said.push_back(meanings[i]);
    else if (parts[i] != "-")
      fail_input(csv.at(column), fmt::format("'{}': flag {} must be '{}' or '-'", cell, i + 1, letter));
  }
  return join(said, "; ");
}

struct Partner {
  std::optional<std::string> code;  // a country, or XUN (a country UIS does not know)
  bool known = false;
};

void read_table(const ImportRequest& request, const CountryNames& names, CsvScanner& csv, const Layout& layout,
                ImportResult& result, bool& partial_left_out) {
  csv.require_columns({"year", layout.own_column, layout.partner_column, "value_lumped", "cond_all"});
  const size_t year_col = csv.require_column("year"), own_col = csv.require_column(layout.own_column),
               partner_col = csv.require_column(layout.partner_column), value_col = csv.require_column("value_lumped"),
               flags_col = csv.require_column("cond_all");
  const CountryTable& countries = CountryTable::builtin();
  std::unordered_map<std::string, Partner> cache;
  auto partner_of = [&](const std::string& name) -> const Partner& {
    auto found = cache.find(name);
    if (found != cache.end()) return found->second;
    Partner partner;
    auto code = names.iso3(kDataset, name);
    if (code && code != kWorldCode && (countries.contains(*code) || *code == kUnknownCode)) partner.code = code;
    partner.known = partner.code || names.known_without_code(kDataset, name);
    return cache.emplace(name, partner).first->second;
  };
  const bool partial_asked = request.last_year && *request.last_year > kLastCompleteYear;
  NameIds country_ids;
  std::unordered_map<uint64_t, long> first_line;  // (year, country, partner) -> line
  first_line.reserve(csv.bytes_left() / 32);
  std::map<std::pair<int, std::string>, double> students;  // (year, partner) -> students
  std::map<std::pair<int, std::string>, std::string> notes;
  std::map<int, double> totals;
  bool focal_seen = false;
  while (csv.next()) {
    const long year = csv.integer(year_col);
    if (year < 1900 || year > 2100) fail_input(csv.at(year_col), "expected a year between 1900 and 2100");
    const std::string own(trim(csv.field(own_col))), partner_name(trim(csv.field(partner_col)));
    if (own.empty()) fail_input(csv.at(own_col), "a country is required");
    if (partner_name.empty()) fail_input(csv.at(partner_col), "a country is required");
    const uint64_t key = (static_cast<uint64_t>(year - 1900) << 48) | (uint64_t{country_ids.id(own)} << 24) |
                         country_ids.id(partner_name);
    auto [previous, fresh] = first_line.emplace(key, csv.line());
    if (!fresh)
      fail_input(csv.at(partner_col), fmt::format("{} {} {} repeats line {}: the students would count twice", year,
                                                  own, partner_name, previous->second));
    const double value = csv.number(value_col);
    if (value < 0) fail_input(csv.at(value_col), "must be non-negative (students)");
    const std::string note = flags_note(csv, flags_col);
    if (!request.wants_year(static_cast<int>(year))) continue;
    const Partner& focal = partner_of(own);
    if (!focal.known) note_unmatched(request, result, own, csv.file(), csv.line());
    if (focal.code != request.focal) continue;
    focal_seen = true;
    if (year > kLastCompleteYear && !partial_asked) {
      partial_left_out = true;
      continue;
    }
    totals[static_cast<int>(year)] += value;
    const Partner& partner = partner_of(partner_name);
    if (!partner.known) note_unmatched(request, result, partner_name, csv.file(), csv.line());
    if (!partner.code || *partner.code == request.focal) continue;  // "Other countries": stays in the total
    students[{static_cast<int>(year), *partner.code}] += value;
    if (!note.empty()) notes[{static_cast<int>(year), *partner.code}] = note;
  }
  for (const auto& [key, value] : students)
    if (value > 0) result.ties.push_back({layout.domain, key.second, key.first, value, kSource, notes[key], 0});
  for (const auto& [year, total] : totals)
    if (total > 0) result.ties.push_back({layout.domain, kWorldCode, year, total, kSource, "", 0});
  if (!focal_seen)
    result.notes.push_back(fmt::format("{}: no rows for {}: {} not imported", csv.file(), request.focal, layout.domain));
}

Judgement student_substitutability() {
  return {0.3, 0.1, 0.5,
          "Judgement: a degree takes years and is not moved mid-course; new destinations need language, "
          "recognition of diplomas and places. A judgement to revise."};
}

}  // namespace

ImportResult UisStudentsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  ImportResult result;
  bool partial_left_out = false;
  std::vector<std::string> layouts;
  for (const std::string& file : request.files) {
    const MappedFile text(file);
    CsvScanner csv(text.text(), file);
    bool by_origin = false, by_destination = false;
    for (const auto& column : csv.header()) {
      const std::string name = to_lower(trim(column));
      by_origin = by_origin || name == kByOrigin.own_column;
      by_destination = by_destination || name == kByDestination.own_column;
    }
    if (by_origin == by_destination)
      fail_input({file, 1, ""}, fmt::format("expected either column '{}' (destinations by origin) or '{}' (origins "
                                            "by destination)",
                                            kByOrigin.own_column, kByDestination.own_column));
    const Layout& layout = by_origin ? kByOrigin : kByDestination;
    for (const auto& seen : layouts)
      if (seen == layout.domain) fail_input({file, 1, ""}, fmt::format("a second table for {}", layout.domain));
    layouts.push_back(layout.domain);
    read_table(request, names, csv, layout, result, partial_left_out);
    Source source = reference_source(kSource);
    source.address += "; imported from " + file;
    result.sources.push_back(std::move(source));
  }
  const std::string unit = "students";
  for (const auto& domain : layouts) {
    if (domain == kByOrigin.domain)
      result.domains.push_back({kByOrigin.domain, "Students abroad (by country of study)", unit,
                                "Internationally mobile tertiary students from the focal state, by destination "
                                "(UNESCO UIS): the ten largest destinations named, the rest unallocated. China "
                                "does not report to UIS, so students in China are missing.",
                                student_substitutability(), /*stock=*/true});
    else
      result.domains.push_back({kByDestination.domain, "Students in the focal state (by country of origin)", unit,
                                "Internationally mobile tertiary students in the focal state, by origin (UNESCO "
                                "UIS): the ten largest origins named, the rest unallocated.",
                                student_substitutability(), /*stock=*/true});
  }
  if (partial_left_out)
    result.notes.push_back(fmt::format("years after {} left out: UIS had reported only part of them (Kazakhstan's "
                                       "2020 destinations lack Russia); ask for them with --years",
                                       kLastCompleteYear));
  result.notes.push_back("China does not report to UIS: students in China are not in these tables");
  return result;
}

}  // namespace tengerim
