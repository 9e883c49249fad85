#include "data/KnomadRemittancesImporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <filesystem>
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

constexpr const char* kDataset = "knomad";
constexpr const char* kWorldName = "WORLD";  // the matrices' row and column totals
constexpr const char* kEstimateNote = "KNOMAD model estimate (migrant stocks x incomes), not reported data";
constexpr const char* kInflowSource = "knomad-inflows-2023";

// What a name of the World Bank's naming stands for.
struct Partner {
  std::optional<std::string> iso3;  // a country
  bool known = false;                // listed (an aggregate has no ISO3)
};

class NameCache {
 public:
  explicit NameCache(const CountryNames& names) : names_(names) {}
  const Partner& operator()(const std::string& name) {
    auto found = cache_.find(name);
    if (found != cache_.end()) return found->second;
    Partner partner;
    auto iso3 = names_.iso3(kDataset, name);
    if (iso3 && CountryTable::builtin().contains(*iso3) && *iso3 != kWorldCode && *iso3 != kUnknownCode)
      partner.iso3 = iso3;
    partner.known = partner.iso3 || names_.known_without_code(kDataset, name);
    return cache_.emplace(name, partner).first->second;
  }

 private:
  const CountryNames& names_;
  std::unordered_map<std::string, Partner> cache_;
};

// The matrix holds no year: it is the one four-digit year (1990-2100) in the file's name.
int matrix_year(const std::string& file) {
  const std::string name = std::filesystem::path(file).filename().string();
  std::vector<int> years;
  for (size_t i = 0; i < name.size();) {
    size_t end = i;
    while (end < name.size() && std::isdigit(static_cast<unsigned char>(name[end]))) ++end;
    if (end - i == 4) {
      const int year = std::stoi(name.substr(i, 4));
      if (year >= 1990 && year <= 2100) years.push_back(year);
    }
    i = end > i ? end : i + 1;
  }
  if (years.size() != 1)
    fail_input({file, 1, ""}, fmt::format("a bilateral matrix holds no year, so its file name must name exactly one "
                                          "(e.g. bilateral_remittance_matrix_2021_long.csv); '{}' names {}",
                                          name, years.size()));
  return years.front();
}

Source matrix_source(int year, const std::string& file) {
  Source source = find_reference_source(fmt::format("knomad-brm-{}", year))
                      .value_or(Source{fmt::format("knomad-brm-{}", year), "World Bank / KNOMAD",
                                       fmt::format("Bilateral Remittance Matrix {} (millions of US$): model "
                                                   "estimates, not reported data", year),
                                       "", "https://www.knomad.org/data/remittances"});
  source.address += "; imported from " + file;
  return source;
}

struct Totals {
  std::map<int, double> world_in;  // matrix year -> WORLD sent to the focal state
  std::map<std::string, double> not_partners;  // "name year" -> US$ million, known aggregates
};

void read_matrix(const ImportRequest& request, NameCache& partner_of, CsvScanner& csv, const std::string& file,
                 ImportResult& result, Totals& totals) {
  const size_t sender_col = csv.require_column("sending_country"), receiver_col = csv.require_column("receiving_country"),
               value_col = csv.require_column("remittances_musd");
  const int year = matrix_year(file);
  NameIds country_ids;
  std::unordered_map<uint64_t, long> first_line;  // (sender, receiver) -> line
  first_line.reserve(csv.bytes_left() / 32);
  bool focal_seen = false;
  while (csv.next()) {
    const std::string sender(trim(csv.field(sender_col))), receiver(trim(csv.field(receiver_col)));
    if (sender.empty()) fail_input(csv.at(sender_col), "a sending country is required");
    if (receiver.empty()) fail_input(csv.at(receiver_col), "a receiving country is required");
    auto [previous, fresh] =
        first_line.emplace((uint64_t{country_ids.id(sender)} << 32) | country_ids.id(receiver), csv.line());
    if (!fresh)
      fail_input(csv.at(receiver_col), fmt::format("{} to {} repeats line {}: the transfers would count twice",
                                                   sender, receiver, previous->second));
    const std::optional<double> value = csv.optional_number(value_col);  // blank: no estimate
    if (value && *value < 0) fail_input(csv.at(value_col), "must be non-negative (US$ million)");
    if (!request.wants_year(year)) continue;
    const Partner& from = partner_of(sender);
    const Partner& to = partner_of(receiver);
    const bool in = to.iso3 == request.focal, out = from.iso3 == request.focal;
    focal_seen = focal_seen || in || out;
    if (in == out || !value) continue;  // not the focal state's, or inside it
    const std::string& name = in ? sender : receiver;
    const Partner& partner = in ? from : to;
    const std::string domain = in ? "remittances_in" : "remittances_out";
    if (name == kWorldName) {
      result.ties.push_back({domain, kWorldCode, year, *value, fmt::format("knomad-brm-{}", year), kEstimateNote, 0});
      if (in) totals.world_in[year] = *value;
    } else if (partner.iso3) {
      if (*value > 0) result.ties.push_back({domain, *partner.iso3, year, *value, fmt::format("knomad-brm-{}", year),
                                             kEstimateNote, 0});
    } else if (partner.known) {
      if (*value > 0) totals.not_partners[fmt::format("{} {} {}", domain, name, year)] += *value;
    } else {
      note_unmatched(request, result, name, file, csv.line());
    }
  }
  result.sources.push_back(matrix_source(year, file));
  if (!request.wants_year(year))
    result.notes.push_back(fmt::format("{}: matrix year {} outside the years asked for, not imported", file, year));
  else if (!focal_seen)
    result.notes.push_back(fmt::format("{}: no row or column for {}", file, request.focal));
}

// The inflow table's focal row, beside each matrix's WORLD total (same publisher, reported where the
// matrix is modelled): the difference a user should see before trusting the matrix's level.
void compare_inflows(const ImportRequest& request, NameCache& partner_of, CsvScanner& csv, const std::string& file,
                     ImportResult& result, const Totals& totals) {
  const size_t country_col = csv.require_column("country");
  std::map<int, size_t> year_col;  // "2000" ... "2022", "2023e" (an estimate)
  std::map<int, bool> estimate;
  for (size_t column = 0; column < csv.header().size(); ++column) {
    std::string name = to_lower(trim(csv.header()[column]));
    const bool e = !name.empty() && name.back() == 'e';
    if (e) name.pop_back();
    const bool digits =
        std::all_of(name.begin(), name.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
    if (name.size() == 4 && digits) {
      year_col[std::stoi(name)] = column;
      estimate[std::stoi(name)] = e;
    }
  }
  if (year_col.empty()) fail_input({file, 1, ""}, "no year columns (2000, ..., 2023e) in the inflow table");
  std::optional<long> focal_line;
  std::map<int, double> inflow;
  while (csv.next()) {
    const std::string name(trim(csv.field(country_col)));
    if (name.empty()) fail_input(csv.at(country_col), "a country is required");
    const Partner& partner = partner_of(name);
    if (!partner.known) note_unmatched(request, result, name, file, csv.line());
    const bool focal = partner.iso3 == request.focal;
    if (focal && focal_line)
      fail_input(csv.at(country_col), fmt::format("a second row for {} (line {} is the first)", request.focal, *focal_line));
    for (const auto& [year, column] : year_col) {
      const std::optional<double> value = csv.optional_number(column);
      if (value && *value < 0) fail_input(csv.at(column), "must be non-negative (US$ million)");
      if (value && focal) inflow[year] = *value;
    }
    if (!focal) continue;
    focal_line = csv.line();
  }
  if (!focal_line) {
    result.notes.push_back(fmt::format("{}: no inflow row for {}", file, request.focal));
    return;
  }
  for (const auto& [year, world] : totals.world_in) {
    auto reported = inflow.find(year);
    if (reported == inflow.end()) {
      result.notes.push_back(fmt::format("remittances_in {}: matrix WORLD {:.2f}; the inflow table has no {}", year,
                                         world, year));
      continue;
    }
    result.notes.push_back(fmt::format(
        "remittances_in {}: matrix WORLD {:.2f}, inflow table {:.2f}{} (US$ million): the matrix is {:+.1f} % of "
        "the inflow",
        year, world, reported->second, estimate[year] ? " (an estimate)" : "",
        reported->second > 0 ? 100 * (world / reported->second - 1) : 0.0));
  }
  Source source = reference_source(kInflowSource);
  source.address += "; imported from " + file;
  result.sources.push_back(std::move(source));
}

Judgement remittance_substitutability() {
  return {0.5, 0.3, 0.7,
          "Judgement: transfer channels can change quickly, but the senders, migrant workers, do not change "
          "within a year. A judgement to revise."};
}

}  // namespace

ImportResult KnomadRemittancesImporter::run(const ImportRequest& request, const CountryNames& names) const {
  ImportResult result;
  NameCache partner_of(names);
  Totals totals;
  std::vector<std::pair<std::string, std::unique_ptr<MappedFile>>> inflow_files;
  size_t matrices = 0;
  for (const std::string& file : request.files) {
    auto text = std::make_unique<MappedFile>(file);
    CsvScanner csv(text->text(), file);
    bool matrix = false, inflows = false;
    for (const auto& column : csv.header()) {
      const std::string name = to_lower(trim(column));
      matrix = matrix || name == "sending_country" || name == "receiving_country";
      inflows = inflows || name == "country";
    }
    if (matrix) {
      read_matrix(request, partner_of, csv, file, result, totals);
      ++matrices;
    } else if (inflows) {
      inflow_files.emplace_back(file, std::move(text));
    } else {
      fail_input({file, 1, ""}, "neither a bilateral matrix (sending_country, receiving_country, remittances_musd) "
                                "nor the inflow table (country, 2000, ..., 2023e)");
    }
  }
  if (matrices == 0)
    fail_input({request.files.front(), 1, ""},
               "the inflow table alone names no partner: give at least one bilateral matrix");
  if (inflow_files.size() > 1)
    fail_input({inflow_files[1].first, 1, ""}, "a second inflow table (one at most)");
  for (const auto& [file, text] : inflow_files) {
    CsvScanner csv(text->text(), file);
    compare_inflows(request, partner_of, csv, file, result, totals);
  }
  result.domains.push_back({"remittances_in", "Remittances received (by sending country)", "US$ million",
                            "Money sent to the focal state by migrants abroad, by sending country: KNOMAD bilateral "
                            "estimates (migrant stocks x incomes), not reported transfers. WLD is the matrix's WORLD "
                            "total.",
                            remittance_substitutability(), /*stock=*/false, /*steerable=*/false});
  result.domains.push_back({"remittances_out", "Remittances sent (by receiving country)", "US$ million",
                            "Money sent from the focal state by migrants living there, by receiving country: KNOMAD "
                            "bilateral estimates, not reported transfers. WLD is the matrix's WORLD total.",
                            remittance_substitutability(), /*stock=*/false, /*steerable=*/false});
  if (!totals.not_partners.empty()) {
    std::vector<std::string> listed;
    for (const auto& [key, musd] : totals.not_partners) listed.push_back(fmt::format("{} {:.2f}", key, musd));
    result.notes.push_back("not partners (no ISO3), left inside WLD: " + join(listed, ", "));
  }
  result.notes.push_back("the matrices are model estimates (migrant stocks x incomes), not reported transfers: "
                         "national transfer statistics may differ (docs/importers.md)");
  return result;
}

}  // namespace tengerim
