#include "data/IcewsImporter.h"

#include <fmt/format.h>

#include <map>
#include <unordered_map>

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/MappedFile.h"
#include "common/Text.h"
#include "data/CsvChunks.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

constexpr size_t kRowsPerChunk = 100000;  // bounds memory: a yearly ICEWS file has about a million events

const std::vector<std::string>& used_columns() {
  static const std::vector<std::string> columns{"Event ID",   "Event Date", "Source Country",
                                                "CAMEO Code", "Intensity",  "Target Country"};
  return columns;
}

const std::vector<std::string>& other_columns() {
  static const std::vector<std::string> columns{
      "Source Name", "Source Sectors", "Event Text", "Target Name", "Target Sectors", "Story ID", "Sentence Number",
      "Publisher",   "City",           "District",   "Province",    "Country",        "Latitude", "Longitude"};
  return columns;
}

// CAMEO code -> Goldstein score (data/reference/cameo_goldstein.csv).
std::map<std::string, double> goldstein_table() {
  const char* path = "reference/cameo_goldstein.csv";
  auto text = find_embedded_file(path);
  if (!text) throw Error(ErrorKind::Internal, {}, std::string("missing built-in table ") + path);
  const auto csv = CsvTable::parse(*text, std::string("builtin:") + path);
  const size_t code = csv.require_column("code"), score = csv.require_column("goldstein"),
               source = csv.require_column("source");
  std::map<std::string, double> table;
  for (const auto& row : csv.rows()) {
    reference_source(trim(row.cells[source]));  // every score cites a row of data/reference/sources.csv
    table[trim(row.cells[code])] = csv.number(row, score);
  }
  return table;
}

struct CountryMatch {
  std::optional<std::string> iso3;
  bool known = false;  // in the table (perhaps deliberately without ISO3, like "NA")
};

struct Tally {
  long focal_events = 0, domestic = 0, no_country = 0, unmatched = 0, from_cameo = 0;
};

}  // namespace

ImportResult IcewsImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const auto& countries = CountryTable::builtin();
  std::unordered_map<std::string, CountryMatch> cache;
  auto match = [&](const std::string& name) -> const CountryMatch& {
    auto found = cache.find(name);
    if (found != cache.end()) return found->second;
    CountryMatch entry;
    if (!name.empty()) {
      entry.iso3 = names.iso3("icews", name);
      if (entry.iso3 && !countries.contains(*entry.iso3)) entry.iso3.reset();
      entry.known = entry.iso3 || names.known_without_code("icews", name);
    } else {
      entry.known = true;  // a blank country: no country named
    }
    return cache.emplace(name, entry).first->second;
  };
  std::optional<std::map<std::string, double>> cameo;  // read on first need
  std::map<std::pair<int, std::string>, ChannelRow> channels;
  ImportResult result;
  Tally tally;
  const MappedFile mapped(file);
  const std::string_view text = mapped.text();
  for_each_csv_chunk(text, file, '\t', kRowsPerChunk, [&](const CsvChunk& chunk) {
    const CsvTable& csv = chunk.table;
    csv.require_columns(used_columns(), other_columns());
    const size_t date = csv.require_column("Event Date"), source = csv.require_column("Source Country"),
                 target = csv.require_column("Target Country"), code = csv.require_column("CAMEO Code"),
                 intensity = csv.require_column("Intensity");
    for (const auto& row : csv.rows()) {
      const std::string source_name = trim(row.cells[source]), target_name = trim(row.cells[target]);
      const CountryMatch& from = match(source_name);
      const CountryMatch& to = match(target_name);
      const bool focal_from = from.iso3 == request.focal, focal_to = to.iso3 == request.focal;
      if (!focal_from && !focal_to) continue;
      const std::string day = trim(row.cells[date]);
      const auto year =
          day.size() == 10 && day[4] == '-' && day[7] == '-' ? parse_long(day.substr(0, 4)) : std::nullopt;
      if (!year) fail_input(csv.at(row, date), "'" + day + "': expected a date YYYY-MM-DD");
      if (!request.wants_year(static_cast<int>(*year))) continue;
      ++tally.focal_events;
      if (focal_from && focal_to) {
        ++tally.domestic;
        continue;
      }
      const CountryMatch& other = focal_from ? to : from;
      const std::string& other_name = focal_from ? target_name : source_name;
      if (!other.known) {
        ++tally.unmatched;
        note_unmatched(request, result, other_name, file, row.line);
        continue;
      }
      if (!other.iso3) {
        ++tally.no_country;
        continue;
      }
      double score = 0;
      const std::string cell = trim(row.cells[intensity]);
      if (cell.empty() || cell == "NA") {
        if (!cameo) cameo = goldstein_table();
        auto found = cameo->find(trim(row.cells[code]));
        if (found == cameo->end())
          fail_input(csv.at(row, code), "'" + trim(row.cells[code]) +
                                            "': no Intensity, and the CAMEO code is not in "
                                            "data/reference/cameo_goldstein.csv");
        score = found->second;
        ++tally.from_cameo;
      } else {
        score = csv.number(row, intensity);
        if (score < -10 || score > 10) fail_input(csv.at(row, intensity), "expected a Goldstein score in [-10, 10]");
      }
      ChannelRow& entry = channels[{static_cast<int>(*year), *other.iso3}];
      entry.events += 1;
      entry.cooperation += score > 0 ? 1 : 0;
      entry.conflict += score < 0 ? 1 : 0;
      entry.goldstein += score;
    }
  });
  for (auto& [key, entry] : channels) {
    entry.year = key.first;
    entry.partner = key.second;
    entry.source = "icews";
    result.relations.channels.push_back(std::move(entry));
  }
  result.sources.push_back({"icews", "Integrated Crisis Early Warning System (ICEWS), Boschee et al.",
                            "ICEWS Coded Event Data", "",
                            "Harvard Dataverse, https://doi.org/10.7910/DVN/28075; imported from " + file});
  if (tally.from_cameo > 0) result.sources.push_back(reference_source("cameo-goldstein"));
  result.notes.push_back(fmt::format(
      "{} events with {} as source or target: {} with another country (channels), {} inside {}, {} with no country "
      "on the other side (an IGO or NA), {} with an unknown country name",
      tally.focal_events, request.focal, tally.focal_events - tally.domestic - tally.no_country - tally.unmatched,
      tally.domestic, request.focal, tally.no_country, tally.unmatched));
  if (tally.from_cameo > 0)
    result.notes.push_back(
        fmt::format("{} events had no Intensity: scored from their CAMEO code "
                    "(data/reference/cameo_goldstein.csv)",
                    tally.from_cameo));
  return result;
}

}  // namespace tengerim
