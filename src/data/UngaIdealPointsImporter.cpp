#include "data/UngaIdealPointsImporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "common/CsvTable.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

constexpr const char* kSource = "unga-idealpoints-bsv";
constexpr int kSessionToYear = 1945;  // session n opens in September of year 1945 + n (codebook: year = session + 1945)

// The agreement columns of the June 2024 release and the state each names.
struct Power {
  const char* column;
  const char* iso3;
};
constexpr Power kPowers[] = {{"USAgree", "USA"},     {"RUSSAgree", "RUS"},  {"BrazilAgree", "BRA"},
                             {"ChinaAgree", "CHN"}, {"IndiaAgree", "IND"}, {"IsraelAgree", "ISR"}};

enum class Layout { kYears, kSessions };

Layout layout_of(const CsvTable& csv) {
  if (csv.find_column("year") && csv.find_column("idealpointfp")) return Layout::kYears;
  if (csv.find_column("session") && csv.find_column("USAgree")) return Layout::kSessions;
  fail_input({csv.file(), 1, ""},
             "neither layout of the Bailey-Strezhnev-Voeten ideal points: expected the columns 'ccode, year, "
             "idealpointfp' (IdealpointsJuly2025) or 'ccode, session, USAgree, RUSSAgree, BrazilAgree, ChinaAgree, "
             "IndiaAgree, IsraelAgree' (IdealpointestimatesAll_Jun2024)");
}

// Blank or NA = not estimated; anything else must be a finite number.
std::optional<double> value_of(const CsvTable& csv, const CsvRow& row, size_t column) {
  const std::string cell = trim(row.cells[column]);
  if (cell.empty() || cell == "NA") return std::nullopt;
  return csv.number(row, column);
}

long positive_code(const CsvTable& csv, const CsvRow& row, size_t column) {
  const long code = csv.integer(row, column);
  if (code <= 0) fail_input(csv.at(row, column), "a COW country code must be positive");
  return code;
}

struct Estimate {
  double value = 0;
  long line = 0;
};

// What one file gives: by year, ISO3 -> value; rows whose COW code has no ISO3, by year.
struct Read {
  std::map<int, std::map<std::string, Estimate>> by_year;
  std::map<int, std::vector<std::pair<std::string, long>>> unmatched;  // year -> (label, line)
};

class Codes {
 public:
  explicit Codes(const CountryNames& names) : names_(names) {}
  std::optional<std::string> iso3(long code) const {
    auto iso3 = names_.iso3_of_cow(code);
    if (iso3 && CountryTable::builtin().contains(*iso3) && *iso3 != kWorldCode && *iso3 != kUnknownCode) return iso3;
    return std::nullopt;
  }

 private:
  const CountryNames& names_;
};

// Records `value` of `iso3` in `year`, failing on a second estimate for one state-year.
void keep(Read& read, const CsvTable& csv, const CsvRow& row, size_t column, int year, const std::string& iso3,
          double value) {
  auto [at, fresh] = read.by_year[year].emplace(iso3, Estimate{value, row.line});
  if (!fresh)
    fail_input(csv.at(row, column), fmt::format("a second estimate for {} in {} (line {} has one): the COW codes of "
                                                "one state overlap",
                                                iso3, year, at->second.line));
}

// IdealpointsJuly2025: ccode, year, idealpointfp (final-passage votes; the other columns are not read).
Read read_years(const CsvTable& csv, const Codes& codes, const ImportRequest& request) {
  const size_t ccode = csv.require_column("ccode"), year_column = csv.require_column("year"),
               ideal = csv.require_column("idealpointfp");
  Read read;
  std::map<std::pair<long, int>, long> seen;  // (ccode, year) -> line
  for (const auto& row : csv.rows()) {
    const long code = positive_code(csv, row, ccode);
    const long year = csv.integer(row, year_column);
    if (year < 1900 || year > 2100) fail_input(csv.at(row, year_column), "expected a year between 1900 and 2100");
    auto [previous, fresh] = seen.emplace(std::pair{code, static_cast<int>(year)}, row.line);
    if (!fresh)
      fail_input(csv.at(row, year_column),
                 fmt::format("COW code {} in {} repeats line {}", code, year, previous->second));
    const auto value = value_of(csv, row, ideal);
    if (!value || !request.wants_year(static_cast<int>(year))) continue;
    if (auto iso3 = codes.iso3(code))
      keep(read, csv, row, ideal, static_cast<int>(year), *iso3, *value);
    else
      read.unmatched[static_cast<int>(year)].push_back({fmt::format("COW code {}", code), row.line});
  }
  return read;
}

// IdealpointestimatesAll_Jun2024: ccode, session and the six agreement columns, each read as a Read of its own.
std::vector<Read> read_sessions(const CsvTable& csv, const Codes& codes, const ImportRequest& request) {
  const size_t ccode = csv.require_column("ccode"), session = csv.require_column("session");
  std::vector<size_t> columns;
  for (const auto& power : kPowers) columns.push_back(csv.require_column(power.column));
  std::vector<Read> reads(columns.size());
  std::map<std::pair<long, long>, long> seen;  // (ccode, session) -> line
  for (const auto& row : csv.rows()) {
    const long code = positive_code(csv, row, ccode);
    const long number = csv.integer(row, session);
    if (number < 1 || number > 150) fail_input(csv.at(row, session), "expected a UNGA session number, 1-150");
    auto [previous, fresh] = seen.emplace(std::pair{code, number}, row.line);
    if (!fresh)
      fail_input(csv.at(row, session), fmt::format("COW code {} in session {} repeats line {}", code, number,
                                                   previous->second));
    const int year = static_cast<int>(number) + kSessionToYear;
    const auto iso3 = codes.iso3(code);
    for (size_t k = 0; k < columns.size(); ++k) {
      const auto value = value_of(csv, row, columns[k]);
      if (!value) continue;
      if (*value < 0 || *value > 1) fail_input(csv.at(row, columns[k]), "an agreement score must lie in [0, 1]");
      if (!request.wants_year(year)) continue;
      if (iso3)
        keep(reads[k], csv, row, columns[k], year, *iso3, *value);
      else
        reads[k].unmatched[year].push_back({fmt::format("COW code {}", code), row.line});
    }
  }
  return reads;
}

void note_unmatched_rows(const ImportRequest& request, ImportResult& result, const Read& read, int year,
                         const std::string& file) {
  auto found = read.unmatched.find(year);
  if (found == read.unmatched.end()) return;
  for (const auto& [label, line] : found->second) note_unmatched(request, result, label, file, line);
}

}  // namespace

ImportResult UngaIdealPointsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const Codes codes(names);
  std::optional<Read> ideal;
  std::optional<std::vector<Read>> agreement;
  std::string ideal_file, agreement_file;
  for (const auto& file : request.files) {
    const auto csv = CsvTable::parse(read_file(file), file);
    if (layout_of(csv) == Layout::kYears) {
      if (ideal) fail_input({file, 1, ""}, "a second year-indexed ideal-point file (the first is " + ideal_file + ")");
      ideal = read_years(csv, codes, request);
      ideal_file = file;
    } else {
      if (agreement)
        fail_input({file, 1, ""}, "a second session-indexed agreement file (the first is " + agreement_file + ")");
      agreement = read_sessions(csv, codes, request);
      agreement_file = file;
    }
  }
  ImportResult result;
  std::map<std::pair<int, std::string>, IdealPointRow> rows;  // (year, partner)
  auto row_of = [&](int year, const std::string& partner) -> IdealPointRow& {
    auto& row = rows[{year, partner}];
    row.year = year;
    row.partner = partner;
    row.source = kSource;
    return row;
  };
  int focal_years = 0;
  if (ideal) {
    for (const auto& [year, states] : ideal->by_year) {
      auto focal = states.find(request.focal);
      if (focal == states.end()) continue;
      ++focal_years;
      note_unmatched_rows(request, result, *ideal, year, ideal_file);
      for (const auto& [partner, estimate] : states) {
        if (partner == request.focal) continue;
        auto& row = row_of(year, partner);
        row.ideal_focal = focal->second.value;
        row.ideal_partner = estimate.value;
        row.distance = std::fabs(focal->second.value - estimate.value);
      }
    }
    if (focal_years == 0)
      result.notes.push_back(fmt::format("no ideal point for {} in {}{}: no distances", request.focal, ideal_file,
                                         request.first_year ? " in the years asked" : ""));
  }
  long agreements = 0;
  if (agreement) {
    // The focal state's own row gives its agreement with each of the six; when
    // it is one of them, every other state's row gives that state's agreement
    // with it (the score is symmetric: 1 - |v_a - v_b| averaged over shared votes).
    for (size_t k = 0; k < std::size(kPowers); ++k) {
      const Read& read = (*agreement)[k];
      const std::string power = kPowers[k].iso3;
      for (const auto& [year, states] : read.by_year) {
        if (power == request.focal) {
          note_unmatched_rows(request, result, read, year, agreement_file);
          for (const auto& [partner, estimate] : states)
            if (partner != request.focal && !row_of(year, partner).agreement) {
              row_of(year, partner).agreement = estimate.value;
              ++agreements;
            }
        } else if (auto focal = states.find(request.focal); focal != states.end()) {
          row_of(year, power).agreement = focal->second.value;
          ++agreements;
        }
      }
    }
    if (agreements == 0)
      result.notes.push_back(fmt::format("no agreement score for {} in {}{}", request.focal, agreement_file,
                                         request.first_year ? " in the years asked" : ""));
  }
  // An agreement row in a year with ideal points also carries them.
  if (ideal)
    for (auto& [key, row] : rows) {
      if (row.distance) continue;
      auto states = ideal->by_year.find(key.first);
      if (states == ideal->by_year.end()) continue;
      if (auto at = states->second.find(request.focal); at != states->second.end()) row.ideal_focal = at->second.value;
      if (auto at = states->second.find(key.second); at != states->second.end()) row.ideal_partner = at->second.value;
    }
  for (auto& [key, row] : rows) result.relations.ideal_points.push_back(std::move(row));

  Source source = reference_source(kSource);
  std::vector<std::string> files{ideal_file, agreement_file};
  files.erase(std::remove(files.begin(), files.end(), std::string()), files.end());
  source.address += "; imported from " + join(files, ", ");
  result.sources.push_back(std::move(source));
  if (ideal)
    result.notes.push_back(fmt::format("ideal points: idealpointfp (final-passage votes), {} years with one for {}",
                                       focal_years, request.focal));
  if (agreement)
    result.notes.push_back(fmt::format("{} agreement scores (with USA, RUS, BRA, CHN, IND, ISR), session n read as "
                                       "year 1945 + n",
                                       agreements));
  return result;
}

}  // namespace tengerim
