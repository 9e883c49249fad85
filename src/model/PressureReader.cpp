#include "model/PressureReader.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "common/CsvTable.h"
#include "common/Text.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

constexpr double kSumTolerance = 1e-6;  // poll figures are given to a few digits

void read_powers(TomlFields& root, const std::string& file, const Model& model, PressureSpec& spec) {
  const auto* powers = root.optional_array("powers");
  if (!powers || powers->empty()) fail_input(root.at("powers"), "expected at least one [[powers]] entry");
  std::set<std::string> seen;
  for (size_t i = 0; i < powers->size(); ++i) {
    const std::string path = fmt::format("powers[{}]", i);
    const toml::node& node = (*powers)[i];
    if (!node.is_table()) fail_input({file, static_cast<long>(node.source().begin.line), path}, "expected a table");
    TomlFields fields(*node.as_table(), file, path);
    PowerCentre power;
    power.line = static_cast<long>(node.source().begin.line);
    power.direction = fields.string("direction");
    if (!model.find_direction(power.direction))
      fail_input(fields.at("direction"), "unknown direction '" + power.direction + "' (not in model.toml)");
    if (!seen.insert(power.direction).second)
      fail_input(fields.at("direction"), "duplicate power '" + power.direction + "'");
    power.tolerance = fields.judgement("tolerance");
    power.strength = fields.judgement("strength");
    if (power.tolerance.low < 0 || power.tolerance.high > 1)
      fail_input(fields.at("tolerance"), "a tolerance and its range must lie in [0, 1] (alignment units)");
    if (power.strength.low < 0) fail_input(fields.at("strength"), "a strength and its range must be >= 0");
    fields.reject_unknown_keys();
    spec.powers.push_back(std::move(power));
  }
  if (spec.powers.size() < 2) fail_input(root.at("powers"), "pressure needs at least two powers (a rival to lead)");
}

void read_adjustment(TomlFields& root, const std::string& file, PressureSpec& spec) {
  const auto* table = root.optional_table("adjustment");
  if (!table) fail_input(root.at("adjustment"), "missing [adjustment] (max_change, move_cost, tension_weight)");
  TomlFields fields(*table, file, "adjustment");
  Adjustment& adjustment = spec.adjustment;
  adjustment.max_change = fields.judgement("max_change");
  adjustment.move_cost = fields.judgement("move_cost");
  adjustment.tension_weight = fields.judgement("tension_weight");
  if (adjustment.max_change.low <= 0 || adjustment.max_change.high > 1)
    fail_input(fields.at("max_change"), "must lie in (0, 1] (share of a domain's flow per year)");
  if (adjustment.move_cost.low < 0) fail_input(fields.at("move_cost"), "must be >= 0");
  if (adjustment.tension_weight.low < 0) fail_input(fields.at("tension_weight"), "must be >= 0");
  adjustment.tension_usd = fields.optional_judgement("tension_usd");
  if (adjustment.tension_usd && adjustment.tension_usd->low < 0) fail_input(fields.at("tension_usd"), "must be >= 0");
  fields.reject_unknown_keys();
}

// Source ids of pressure_sources.csv (id,publisher,title,year,address), when the model has it.
std::set<std::string> extra_sources(const std::string* text, const std::string& file) {
  std::set<std::string> ids;
  if (!text) return ids;
  auto csv = CsvTable::parse(*text, file);
  csv.require_columns({"id", "publisher", "title", "year", "address"});
  const size_t id = csv.require_column("id"), publisher = csv.require_column("publisher");
  for (const auto& row : csv.rows()) {
    std::string value = trim(row.cells[id]);
    if (value.empty()) fail_input(csv.at(row, id), "missing source id");
    if (row.cells[publisher].empty()) fail_input(csv.at(row, publisher), "missing publisher");
    if (!ids.insert(value).second) fail_input(csv.at(row, id), "duplicate source id '" + value + "'");
  }
  return ids;
}

void read_groups(const std::string& text, const std::string& file, const Model& model,
                 const std::set<std::string>& more_sources, PressureSpec& spec) {
  auto csv = CsvTable::parse(text, file);
  std::vector<std::string> required{"group", "share", "low", "high", "source"};
  for (const auto& direction : model.directions) required.push_back(direction.id);
  csv.require_columns(required, {"note"});
  const size_t group = csv.require_column("group"), share = csv.require_column("share"),
               low = csv.require_column("low"), high = csv.require_column("high"),
               source = csv.require_column("source");
  const auto note = csv.find_column("note");
  std::set<std::string> sources{"judgement"}, seen;
  for (const auto& entry : model.sources) sources.insert(entry.id);
  sources.insert(more_sources.begin(), more_sources.end());
  double sum = 0;
  long last_line = 0;
  for (const auto& row : csv.rows()) {
    SocialGroup entry;
    entry.line = last_line = row.line;
    entry.id = trim(row.cells[group]);
    if (entry.id.empty()) fail_input(csv.at(row, group), "missing group id");
    if (!seen.insert(entry.id).second) fail_input(csv.at(row, group), "duplicate group '" + entry.id + "'");
    entry.share.value = csv.number(row, share);
    entry.share.low = csv.number(row, low);
    entry.share.high = csv.number(row, high);
    if (!(0 <= entry.share.low && entry.share.low <= entry.share.value && entry.share.value <= entry.share.high &&
          entry.share.high <= 1))
      fail_input(csv.at(row, share), "expected 0 <= low <= share <= high <= 1");
    entry.source = trim(row.cells[source]);
    if (!sources.count(entry.source))
      fail_input(csv.at(row, source), "source '" + entry.source + "' is in neither sources.csv nor pressure_sources.csv, nor 'judgement'");
    if (note) entry.note = row.cells[*note];
    entry.share.rationale = entry.note;
    double orientation_sum = 0;
    for (const auto& direction : model.directions) {
      size_t column = csv.require_column(direction.id);
      double value = csv.number(row, column);
      if (value < 0) fail_input(csv.at(row, column), "an orientation must be >= 0");
      entry.orientation.push_back(value);
      orientation_sum += value;
    }
    if (std::fabs(orientation_sum - 1) > kSumTolerance)
      fail_model(csv.at(row, csv.require_column(model.directions.front().id)),
                 fmt::format("a group's orientation over the directions must sum to 1, it sums to {:.9g}",
                             orientation_sum));
    sum += entry.share.value;
    spec.groups.push_back(std::move(entry));
  }
  if (spec.groups.empty()) fail_input({file, 0, "group"}, "expected at least one group");
  if (std::fabs(sum - 1) > kSumTolerance)
    fail_model({file, last_line, "share"},
               fmt::format("the groups' shares must sum to 1 (the whole population), they sum to {:.9g}", sum));
}

}  // namespace

PressureSpec parse_pressure(const std::string& toml_text, const std::string& file, const std::string& groups_text,
                            const std::string& groups_file, const Model& model, const std::string* sources_text,
                            const std::string& sources_file) {
  PressureSpec spec;
  spec.file = file;
  spec.groups_file = groups_file;
  toml::table root = parse_toml(toml_text, file);
  TomlFields fields(root, file, "");
  read_powers(fields, file, model, spec);
  read_adjustment(fields, file, spec);
  fields.reject_unknown_keys();
  read_groups(groups_text, groups_file, model, extra_sources(sources_text, sources_file), spec);
  return spec;
}

PressureSpec read_pressure(const ModelSource& source, const Model& model) {
  const std::string file = source.display_name("pressure.toml"), groups_file = source.display_name("groups.csv");
  auto text = source.read("pressure.toml");
  if (!text) fail_io(file, "missing: pressure and the optimiser need pressure.toml ([[powers]], [adjustment])");
  auto groups = source.read("groups.csv");
  if (!groups) fail_io(groups_file, "missing: cohesion needs groups.csv (group,share,low,high,<directions>,source)");
  auto sources = source.read("pressure_sources.csv");
  return parse_pressure(*text, file, *groups, groups_file, model, sources ? &*sources : nullptr,
                        source.display_name("pressure_sources.csv"));
}

}  // namespace tengerim
