#include "model/RelationsReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>

#include "common/CsvTable.h"
#include "common/Text.h"

namespace tengerim {
namespace {

// The checks every relations row shares: year in range, known partner, known source.
class RowChecker {
 public:
  RowChecker(const CsvTable& csv, const Model& model, const CountryTable& countries)
      : csv_(csv), model_(model), countries_(countries) {
    for (const auto& entry : model.sources) sources_.insert(entry.id);
  }

  int year(const CsvRow& row) const {
    const size_t column = csv_.require_column("year");
    long value = csv_.integer(row, column);
    if (value < model_.first_year || value > model_.last_year)
      fail_input(csv_.at(row, column), fmt::format("year {} is outside the model's years [{}, {}]", value,
                                                   model_.first_year, model_.last_year));
    return static_cast<int>(value);
  }

  std::string partner(const CsvRow& row, const char* column_name = "partner") const {
    const size_t column = csv_.require_column(column_name);
    return checked_partner(trim(row.cells[column]), csv_.at(row, column));
  }

  std::string checked_partner(const std::string& code, const Location& where) const {
    bool known = countries_.contains(code) && code != kWorldCode;
    for (const auto& bloc : model_.blocs) known = known || bloc.id == code;
    if (!known) fail_input(where, "unknown partner code '" + code + "'");
    return code;
  }

  std::string source(const CsvRow& row) const {
    const size_t column = csv_.require_column("source");
    std::string id = trim(row.cells[column]);
    if (!sources_.count(id)) fail_input(csv_.at(row, column), "source '" + id + "' is not in sources.csv");
    return id;
  }

  double non_negative(const CsvRow& row, const char* column_name) const {
    const size_t column = csv_.require_column(column_name);
    double value = csv_.number(row, column);
    if (value < 0) fail_input(csv_.at(row, column), "must be non-negative");
    return value;
  }

  bool flag(const CsvRow& row, const char* column_name) const {
    const size_t column = csv_.require_column(column_name);
    long value = csv_.integer(row, column);
    if (value != 0 && value != 1) fail_input(csv_.at(row, column), "expected 0 or 1");
    return value == 1;
  }

  const CsvTable& csv() const { return csv_; }

 private:
  const CsvTable& csv_;
  const Model& model_;
  const CountryTable& countries_;
  std::set<std::string> sources_;
};

std::optional<CsvTable> open(const ModelSource& source, const std::string& name,
                             const std::vector<std::string>& columns) {
  auto text = source.read(name);
  if (!text) return std::nullopt;
  auto csv = CsvTable::parse(*text, source.display_name(name));
  csv.require_columns(columns);
  return csv;
}

void read_alignment(const ModelSource& source, const CountryTable& countries, Model& model) {
  auto csv = open(source, "alignment.csv", {"year", "partner", "issue", "agreement", "votes", "source"});
  if (!csv) return;
  RowChecker check(*csv, model, countries);
  const size_t agreement = csv->require_column("agreement"), votes = csv->require_column("votes"),
               issue = csv->require_column("issue");
  for (const auto& row : csv->rows()) {
    AlignmentRow entry{check.year(row), check.partner(row), trim(row.cells[issue]), csv->number(row, agreement),
                       csv->integer(row, votes), check.source(row)};
    if (entry.agreement < 0 || entry.agreement > 1) fail_input(csv->at(row, agreement), "must lie in [0, 1]");
    if (entry.votes <= 0) fail_input(csv->at(row, votes), "must be a positive count");
    model.relations.alignment.push_back(std::move(entry));
  }
}

void read_formats(const ModelSource& source, const CountryTable& countries, Model& model) {
  auto csv = open(source, "formats.csv", {"year", "format", "name", "kind", "members", "source"});
  if (!csv) return;
  RowChecker check(*csv, model, countries);
  const size_t format = csv->require_column("format"), name = csv->require_column("name"),
               kind = csv->require_column("kind"), members = csv->require_column("members");
  for (const auto& row : csv->rows()) {
    FormatRow entry;
    entry.year = check.year(row);
    entry.format = trim(row.cells[format]);
    entry.name = row.cells[name];
    entry.kind = trim(row.cells[kind]);
    if (entry.format.empty()) fail_input(csv->at(row, format), "missing format code");
    const auto& kinds = format_kinds();
    if (std::find(kinds.begin(), kinds.end(), entry.kind) == kinds.end())
      fail_input(csv->at(row, kind), "expected one of " + join(kinds, ", "));
    std::string list = row.cells[members];
    size_t start = 0;
    while (start <= list.size()) {
      size_t end = list.find(';', start);
      if (end == std::string::npos) end = list.size();
      std::string code = trim(list.substr(start, end - start));
      if (!code.empty()) entry.members.push_back(check.checked_partner(code, csv->at(row, members)));
      start = end + 1;
    }
    entry.source = check.source(row);
    model.relations.formats.push_back(std::move(entry));
  }
}

void read_alliances(const ModelSource& source, const CountryTable& countries, Model& model) {
  auto csv = open(source, "alliances.csv",
                  {"year", "partner", "defense", "offense", "neutral", "nonaggression", "consultation", "source"});
  if (!csv) return;
  RowChecker check(*csv, model, countries);
  for (const auto& row : csv->rows())
    model.relations.alliances.push_back({check.year(row), check.partner(row), check.flag(row, "defense"),
                                         check.flag(row, "offense"), check.flag(row, "neutral"),
                                         check.flag(row, "nonaggression"), check.flag(row, "consultation"),
                                         check.source(row)});
}

void read_channels(const ModelSource& source, const CountryTable& countries, Model& model) {
  auto csv = open(source, "channels.csv",
                  {"year", "partner", "events", "cooperation", "conflict", "goldstein", "source"});
  if (!csv) return;
  RowChecker check(*csv, model, countries);
  const size_t goldstein = csv->require_column("goldstein");
  for (const auto& row : csv->rows())
    model.relations.channels.push_back({check.year(row), check.partner(row), check.non_negative(row, "events"),
                                        check.non_negative(row, "cooperation"), check.non_negative(row, "conflict"),
                                        csv->number(row, goldstein), check.source(row)});
}

void read_ideal_points(const ModelSource& source, const CountryTable& countries, Model& model) {
  auto csv = open(source, "idealpoints.csv",
                  {"year", "partner", "ideal_focal", "ideal_partner", "distance", "agreement", "source"});
  if (!csv) return;
  RowChecker check(*csv, model, countries);
  auto optional = [&](const CsvRow& row, const char* name) -> std::optional<double> {
    const size_t column = csv->require_column(name);
    if (trim(row.cells[column]).empty()) return std::nullopt;
    return csv->number(row, column);
  };
  const size_t distance = csv->require_column("distance"), agreement = csv->require_column("agreement");
  for (const auto& row : csv->rows()) {
    IdealPointRow entry{check.year(row), check.partner(row), optional(row, "ideal_focal"),
                        optional(row, "ideal_partner"), optional(row, "distance"), optional(row, "agreement"),
                        check.source(row)};
    if (entry.distance && *entry.distance < 0) fail_input(csv->at(row, distance), "must be non-negative");
    if (entry.agreement && (*entry.agreement < 0 || *entry.agreement > 1))
      fail_input(csv->at(row, agreement), "must lie in [0, 1]");
    if (!entry.distance && !entry.agreement)
      fail_input(csv->at(row, distance), "a row needs a distance or an agreement");
    model.relations.ideal_points.push_back(std::move(entry));
  }
}

}  // namespace

void read_relations(const ModelSource& source, const CountryTable& countries, Model& model) {
  read_alignment(source, countries, model);
  read_formats(source, countries, model);
  read_alliances(source, countries, model);
  read_channels(source, countries, model);
  read_ideal_points(source, countries, model);
}

}  // namespace tengerim
