#include "data/CowIgoTable.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/Error.h"
#include "common/Text.h"
#include "data/Importer.h"
#include "data/ReferenceSources.h"

namespace tengerim {
namespace {

// The columns of igo_year_format3.csv that are not states.
const std::vector<std::string>& igo_columns() {
  static const std::vector<std::string> columns{"ioname",
                                                "orgname",
                                                "year",
                                                "sdate",
                                                "deaddate",
                                                "dead",
                                                "integrated",
                                                "replaced",
                                                "longorgname",
                                                "ionum",
                                                "igocode",
                                                "version",
                                                "accuracyofpre1965membershipdates",
                                                "sourcesandnotes",
                                                "imputed",
                                                "political",
                                                "social",
                                                "economic"};
  return columns;
}

// IGO codes (ioname) classed as security organisations: data/reference/security_igos.csv.
std::set<std::string> security_igos() {
  const char* path = "reference/security_igos.csv";
  auto text = find_embedded_file(path);
  if (!text) throw Error(ErrorKind::Internal, {}, std::string("missing built-in table ") + path);
  const auto csv = CsvTable::parse(*text, std::string("builtin:") + path);
  csv.require_columns({"ioname", "reason", "source"});
  const size_t code = csv.require_column("ioname");
  std::set<std::string> codes;
  for (const auto& row : csv.rows()) codes.insert(trim(row.cells[code]));
  return codes;
}

// A membership status; an empty cell (no value in the source) reads as -9 (missing).
int status(const CsvTable& csv, const CsvRow& row, size_t column) {
  const std::string text = trim(row.cells[column]);
  if (text.empty()) return -9;
  auto value = parse_long(text);
  if (!value || (*value < -1 && *value != -9) || *value > 3)
    fail_input(csv.at(row, column), "'" + text + "': expected a membership status 0, 1, 2, 3, -9 or -1");
  return static_cast<int>(*value);
}

// A 0/1 flag; empty reads as 0 (one row of v3 has no flags).
bool flag(const CsvTable& csv, const CsvRow& row, size_t column) {
  const std::string text = trim(row.cells[column]);
  if (text.empty()) return false;
  auto value = parse_long(text);
  if (!value || (*value != 0 && *value != 1)) fail_input(csv.at(row, column), "'" + text + "': expected 0 or 1");
  return *value == 1;
}

}  // namespace

CowIgoTable CowIgoTable::parse(std::string_view text, const std::string& file, const CountryNames& names,
                               const CountryTable& countries) {
  const auto csv = CsvTable::parse(text, file);
  for (const char* name : {"ioname", "orgname", "year", "longorgname", "political", "social", "economic"})
    csv.require_column(name);
  const size_t ioname = csv.require_column("ioname"), orgname = csv.require_column("orgname"),
               year = csv.require_column("year"), longname = csv.require_column("longorgname"),
               political = csv.require_column("political"), social = csv.require_column("social"),
               economic = csv.require_column("economic");
  CowIgoTable table;
  table.file_ = file;
  std::vector<size_t> columns;  // csv column of each state
  for (size_t i = 0; i < csv.header().size(); ++i) {
    const std::string& name = csv.header()[i];
    const auto& fixed = igo_columns();
    if (std::any_of(fixed.begin(), fixed.end(), [&](const std::string& column) { return iequals(column, name); }))
      continue;
    auto iso3 = names.iso3("cow_igo", name);
    if (iso3 && !countries.contains(*iso3)) iso3.reset();
    table.states_.push_back({name, iso3, iso3 || names.known_without_code("cow_igo", name)});
    columns.push_back(i);
  }
  const std::set<std::string> security = security_igos();
  table.rows_.reserve(csv.rows().size());
  for (const auto& row : csv.rows()) {
    IgoYear igo;
    igo.line = row.line;
    igo.year = static_cast<int>(csv.integer(row, year));
    igo.status.reserve(columns.size());
    for (size_t s = 0; s < columns.size(); ++s) {
      const int value = status(csv, row, columns[s]);
      igo.status.push_back(static_cast<int8_t>(value));
      if (value != 1) continue;
      if (table.states_[s].iso3) igo.members.push_back(*table.states_[s].iso3);
      if (!table.states_[s].known) {
        igo.unknown_full.push_back(static_cast<uint16_t>(s));
        ++table.unmatched_members_[table.states_[s].name];
      }
    }
    std::sort(igo.members.begin(), igo.members.end());
    igo.members.erase(std::unique(igo.members.begin(), igo.members.end()), igo.members.end());
    const bool is_political = flag(csv, row, political), is_economic = flag(csv, row, economic),
               is_social = flag(csv, row, social);
    igo.format = trim(row.cells[ioname]);
    if (igo.format.empty()) fail_input(csv.at(row, ioname), "missing IGO code");
    igo.name = trim(row.cells[longname]).empty() ? trim(row.cells[orgname]) : trim(row.cells[longname]);
    igo.kind = security.count(igo.format) ? "security"
               : is_political             ? "political"
               : is_economic              ? "economic"
               : is_social                ? "social"
                                          : "other";
    table.rows_.push_back(std::move(igo));
  }
  return table;
}

std::vector<std::string> CowIgoTable::countries() const {
  std::set<std::string> out;
  for (const auto& state : states_)
    if (state.iso3) out.insert(*state.iso3);
  return {out.begin(), out.end()};
}

bool CowIgoTable::has_state(const std::string& iso3) const {
  return std::any_of(states_.begin(), states_.end(), [&](const StateColumn& state) { return state.iso3 == iso3; });
}

ImportResult CowIgoTable::result_for(const ImportRequest& request) const {
  std::vector<size_t> focal_columns;
  for (size_t s = 0; s < states_.size(); ++s)
    if (states_[s].iso3 == request.focal) focal_columns.push_back(s);
  if (focal_columns.empty())
    fail_input({file_, 1, ""}, fmt::format("no state column maps to {} (dataset cow_igo in "
                                          "data/reference/country_names.csv)",
                                          request.focal));
  ImportResult result;
  std::set<std::string> security_used;
  long partial = 0;  // associate or observer memberships of the focal state
  for (const auto& igo : rows_) {
    if (!request.wants_year(igo.year)) continue;
    // Two columns can map to the focal state (germany, wgermany): full membership in either wins.
    int focal_status = 0;
    for (size_t s : focal_columns) {
      const int value = igo.status[s];
      if (value == 1 || ((value == 2 || value == 3) && focal_status != 1)) focal_status = value;
    }
    if (focal_status == 2 || focal_status == 3) ++partial;
    if (focal_status != 1) continue;
    for (uint16_t s : igo.unknown_full) note_unmatched(request, result, states_[s].name, file_, igo.line);
    FormatRow format;
    format.year = igo.year;
    format.format = igo.format;
    format.name = igo.name;
    format.kind = igo.kind;
    if (igo.kind == "security") security_used.insert(igo.format);
    format.members = igo.members;
    format.source = "cow-igo-v3";
    result.relations.formats.push_back(std::move(format));
  }
  result.sources.push_back(
      {"cow-igo-v3", "Correlates of War Project (Pevehouse, Nordstrom, McManus and Jamison)",
       "Intergovernmental Organizations v3.0, IGO-year membership (igo_year_format3)", "2020",
       "Pevehouse et al., 'Tracking Organizations in the World: The Correlates of War IGO Version "
       "3.0 datasets', Journal of Peace Research 57(3), 2020; correlatesofwar.org; imported from " +
           file_});
  result.notes.push_back(
      fmt::format("{} IGO-years with {} as a full member imported as formats; {} associate or "
                  "observer memberships left out",
                  result.relations.formats.size(), request.focal, partial));
  if (!security_used.empty()) {
    result.sources.push_back(reference_source("tengerim"));
    result.notes.push_back("kind 'security' (data/reference/security_igos.csv, a tengerim judgement): " +
                           join({security_used.begin(), security_used.end()}, ", "));
  }
  return result;
}

}  // namespace tengerim
