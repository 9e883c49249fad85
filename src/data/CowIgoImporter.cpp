#include "data/CowIgoImporter.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/CsvTable.h"
#include "common/EmbeddedData.h"
#include "common/FileIo.h"
#include "common/Text.h"
#include "data/ReferenceSources.h"
#include "model/CountryTable.h"

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

struct StateColumn {
  size_t index;
  std::string name;
  std::optional<std::string> iso3;  // empty: a historical state (known) or an unknown name
  bool known;
};

}  // namespace

ImportResult CowIgoImporter::run(const ImportRequest& request, const CountryNames& names) const {
  const std::string& file = request.files.at(0);
  const auto csv = CsvTable::parse(read_file(file), file);
  for (const char* name : {"ioname", "orgname", "year", "longorgname", "political", "social", "economic"})
    csv.require_column(name);
  const size_t ioname = csv.require_column("ioname"), orgname = csv.require_column("orgname"),
               year = csv.require_column("year"), longname = csv.require_column("longorgname"),
               political = csv.require_column("political"), social = csv.require_column("social"),
               economic = csv.require_column("economic");
  const auto& countries = CountryTable::builtin();
  std::vector<StateColumn> states;
  std::vector<size_t> focal_columns;
  for (size_t i = 0; i < csv.header().size(); ++i) {
    const std::string& name = csv.header()[i];
    const auto& fixed = igo_columns();
    if (std::any_of(fixed.begin(), fixed.end(), [&](const std::string& column) { return iequals(column, name); }))
      continue;
    auto iso3 = names.iso3("cow_igo", name);
    if (iso3 && !countries.contains(*iso3)) iso3.reset();
    states.push_back({i, name, iso3, iso3 || names.known_without_code("cow_igo", name)});
    if (iso3 == request.focal) focal_columns.push_back(i);
  }
  if (focal_columns.empty())
    fail_input({file, 1, "--focal"}, fmt::format("no state column maps to {} (dataset cow_igo in "
                                                 "data/reference/country_names.csv)",
                                                 request.focal));
  const std::set<std::string> security = security_igos();
  ImportResult result;
  std::set<std::string> security_used;
  long partial = 0;  // associate or observer memberships of the focal state
  for (const auto& row : csv.rows()) {
    const int row_year = static_cast<int>(csv.integer(row, year));
    if (!request.wants_year(row_year)) continue;
    int focal_status = 0;
    std::vector<std::string> members;
    for (const auto& state : states) {
      const int value = status(csv, row, state.index);
      // Two columns can map to the focal state (germany, wgermany): full membership in either wins.
      const bool focal = std::find(focal_columns.begin(), focal_columns.end(), state.index) != focal_columns.end();
      if (focal && (value == 1 || ((value == 2 || value == 3) && focal_status != 1))) focal_status = value;
      if (value == 1 && state.iso3) members.push_back(*state.iso3);
    }
    const bool is_political = flag(csv, row, political), is_economic = flag(csv, row, economic),
               is_social = flag(csv, row, social);
    if (focal_status == 2 || focal_status == 3) ++partial;
    if (focal_status != 1) continue;
    for (const auto& state : states)
      if (!state.known && status(csv, row, state.index) == 1)
        note_unmatched(request, result, state.name, file, row.line);
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    FormatRow format;
    format.year = row_year;
    format.format = trim(row.cells[ioname]);
    if (format.format.empty()) fail_input(csv.at(row, ioname), "missing IGO code");
    format.name = trim(row.cells[longname]).empty() ? trim(row.cells[orgname]) : trim(row.cells[longname]);
    if (security.count(format.format)) {
      format.kind = "security";
      security_used.insert(format.format);
    } else if (is_political) {
      format.kind = "political";
    } else if (is_economic) {
      format.kind = "economic";
    } else if (is_social) {
      format.kind = "social";
    } else {
      format.kind = "other";
    }
    format.members = std::move(members);
    format.source = "cow-igo-v3";
    result.relations.formats.push_back(std::move(format));
  }
  result.sources.push_back(
      {"cow-igo-v3", "Correlates of War Project (Pevehouse, Nordstrom, McManus and Jamison)",
       "Intergovernmental Organizations v3.0, IGO-year membership (igo_year_format3)", "2020",
       "Pevehouse et al., 'Tracking Organizations in the World: The Correlates of War IGO Version "
       "3.0 datasets', Journal of Peace Research 57(3), 2020; correlatesofwar.org; imported from " +
           file});
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
