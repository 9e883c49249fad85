#include "risk/CouplingReader.h"

#include <toml++/toml.h>

#include <set>

#include "model/TomlFields.h"

namespace tengerim {

std::vector<CouplingEntry> parse_coupling(const std::string& text, const std::string& file, const Model& model) {
  toml::table root = parse_toml(text, file);
  TomlFields fields(root, file, "");
  std::vector<CouplingEntry> entries;
  std::set<std::pair<std::string, std::string>> seen;
  if (const toml::array* array = fields.optional_array("coupling")) {
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& node = *array->get(i);
      const std::string path = "coupling[" + std::to_string(i) + "]";
      if (!node.is_table()) fail_input({file, static_cast<long>(node.source().begin.line), path}, "expected a table");
      const toml::table& table = *node.as_table();
      TomlFields entry(table, file, path);
      CouplingEntry coupling;
      coupling.from = entry.string("from");
      coupling.to = entry.string("to");
      for (const char* key : {"from", "to"}) {
        const std::string& id = std::string(key) == "from" ? coupling.from : coupling.to;
        if (!model.find_domain(id)) fail_input(entry.at(key), "unknown domain '" + id + "'");
      }
      const toml::node* value = table.get("value");
      if (value && value->is_table()) {
        const Judgement judgement = entry.judgement("value");
        coupling.value = judgement.value;
        coupling.range = FigureRange{judgement.low, judgement.high};
        if (judgement.low < 0) fail_input(entry.at("value"), "the range of a coupling must stay >= 0");
      } else {
        coupling.value = entry.number("value");
      }
      if (coupling.value < 0) fail_input(entry.at("value"), "a coupling must be >= 0");
      if (coupling.from == coupling.to) fail_input(entry.at("to"), "a domain cannot spill over into itself");
      if (!seen.insert({coupling.from, coupling.to}).second)
        fail_input(entry.at("to"), "duplicate coupling " + coupling.from + " -> " + coupling.to);
      coupling.same_dollars = entry.optional_bool("same_dollars").value_or(false);
      entry.optional_string("rationale");
      entry.reject_unknown_keys();
      entries.push_back(coupling);
    }
  }
  fields.reject_unknown_keys();
  return entries;
}

std::vector<CouplingEntry> read_coupling(const ModelSource& source, const Model& model) {
  auto text = source.read("coupling.toml");
  if (!text) return {};
  return parse_coupling(*text, source.display_name("coupling.toml"), model);
}

}  // namespace tengerim
