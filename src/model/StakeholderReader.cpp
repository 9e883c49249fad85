#include "model/StakeholderReader.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <set>

#include "common/CsvTable.h"
#include "common/Error.h"
#include "common/Text.h"

namespace tengerim {
namespace {

double unit_interval(const CsvTable& table, const CsvRow& row, size_t column, const char* what) {
  double value = table.number(row, column);
  if (value < 0 || value > 1)
    fail_input(table.at(row, column), fmt::format("{} {} is outside [0, 1]", what, value));
  return value;
}

}  // namespace

StakeholderSet read_stakeholders(std::string_view text, const std::string& file) {
  CsvTable table = CsvTable::parse(text, file);
  table.require_columns({"Actor", "Capability", "Position", "Salience"}, {"Source"});
  const std::optional<size_t> source = table.find_column("Source");  // where the row's figures come from
  const size_t actor = table.require_column("Actor");
  const size_t capability = table.require_column("Capability");
  const size_t position = table.require_column("Position");
  const size_t salience = table.require_column("Salience");

  StakeholderSet set;
  set.source = file;
  std::set<std::string> seen;
  for (const auto& row : table.rows()) {
    Stakeholder member;
    member.line = row.line;
    member.actor = trim(table.cell(row, actor));
    if (member.actor.empty()) fail_input(table.at(row, actor), "missing value: expected the actor's name");
    if (!seen.insert(member.actor).second)
      fail_input(table.at(row, actor), "'" + member.actor + "' appears twice: expected one row per actor");
    member.capability = unit_interval(table, row, capability, "capability");
    member.position = table.number(row, position);
    member.salience = unit_interval(table, row, salience, "salience");
    if (source) {
      set.member_sources.push_back(trim(table.cell(row, *source)));
      if (set.member_sources.back().empty())
        fail_input(table.at(row, *source),
                   "missing value: name where the row's figures come from (or that they are a judgement)");
    }
    set.members.push_back(std::move(member));
  }

  const auto& members = set.members;
  if (members.size() < 2)
    fail_input({file, members.empty() ? 1 : members.back().line, "Actor"},
               fmt::format("{} stakeholder(s): expected at least two", members.size()));
  auto [low, high] = std::minmax_element(members.begin(), members.end(),
                                         [](const auto& a, const auto& b) { return a.position < b.position; });
  if (low->position == high->position)
    fail_input({file, members.back().line, "Position"},
               fmt::format("all {} stakeholders (lines {}-{}) hold position {}: expected at least two "
                           "distinct positions (the issue's range would be zero)",
                           members.size(), members.front().line, members.back().line, low->position));
  double weight = 0;
  for (const auto& member : members) weight += member.capability * member.salience;
  if (weight <= 0)
    fail_input({file, members.back().line, "Capability"},
               "every stakeholder has capability x salience = 0: expected at least one above 0 "
               "(the weighted mean would be undefined)");
  return set;
}

}  // namespace tengerim
