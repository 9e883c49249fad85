#include "model/TomlFields.h"

#include <cmath>

namespace tengerim {

toml::table parse_toml(std::string_view text, const std::string& file) {
  try {
    return toml::parse(text, file);
  } catch (const toml::parse_error& error) {
    fail_input({file, static_cast<long>(error.source().begin.line), ""},
               std::string("not valid TOML: ") + std::string(error.description()));
  }
}
namespace {

long line_of(const toml::node& node) { return static_cast<long>(node.source().begin.line); }

}  // namespace

TomlFields::TomlFields(const toml::table& table, std::string file, std::string path)
    : table_(table), file_(std::move(file)), path_(std::move(path)) {}

Location TomlFields::at(const std::string& key) const {
  const toml::node* node = table_.get(key);
  long line = node ? line_of(*node) : line_of(table_);
  return {file_, line, path_.empty() ? key : path_ + "." + key};
}

const toml::node* TomlFields::get(const std::string& key, bool required) {
  seen_.insert(key);
  const toml::node* node = table_.get(key);
  if (!node && required) fail_input(at(key), "missing required key");
  return node;
}

std::string TomlFields::string(const std::string& key) {
  auto value = optional_string(key);
  if (!value) fail_input(at(key), "missing required key (a string)");
  return *value;
}

std::optional<bool> TomlFields::optional_bool(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return std::nullopt;
  if (!node->is_boolean()) fail_input(at(key), "expected true or false");
  return node->as_boolean()->get();
}

std::optional<std::string> TomlFields::optional_string(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return std::nullopt;
  if (!node->is_string()) fail_input(at(key), "expected a string");
  return node->as_string()->get();
}

long TomlFields::integer(const std::string& key) {
  auto value = optional_integer(key);
  if (!value) fail_input(at(key), "missing required key (a whole number)");
  return *value;
}

std::optional<long> TomlFields::optional_integer(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return std::nullopt;
  if (!node->is_integer()) fail_input(at(key), "expected a whole number");
  return static_cast<long>(node->as_integer()->get());
}

double TomlFields::number(const std::string& key) {
  const toml::node* node = get(key, true);
  double value = 0;
  if (node->is_integer()) value = static_cast<double>(node->as_integer()->get());
  else if (node->is_floating_point()) value = node->as_floating_point()->get();
  else fail_input(at(key), "expected a number");
  if (!std::isfinite(value)) fail_input(at(key), "expected a finite number");
  return value;
}

std::vector<std::string> TomlFields::strings(const std::string& key) {
  const toml::node* node = get(key, true);
  const toml::array* array = node->as_array();
  if (!array) fail_input(at(key), "expected an array of strings");
  std::vector<std::string> out;
  for (const auto& item : *array) {
    if (!item.is_string()) fail_input(at(key), "expected an array of strings");
    out.push_back(item.as_string()->get());
  }
  return out;
}

std::optional<Judgement> TomlFields::optional_judgement(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return std::nullopt;
  const toml::table* table = node->as_table();
  if (!table)
    fail_input(at(key), "a judgement needs { value = V, range = [LOW, HIGH], rationale = \"why\" }");
  TomlFields fields(*table, file_, path_.empty() ? key : path_ + "." + key);
  Judgement judgement;
  judgement.value = fields.number("value");
  judgement.rationale = fields.string("rationale");
  const toml::node* range = fields.get("range", true);
  const toml::array* bounds = range->as_array();
  if (!bounds || bounds->size() != 2 || !(*bounds)[0].is_number() || !(*bounds)[1].is_number())
    fail_input(fields.at("range"), "expected [LOW, HIGH]");
  judgement.low = (*bounds)[0].value<double>().value_or(0);
  judgement.high = (*bounds)[1].value<double>().value_or(0);
  if (!(judgement.low <= judgement.value && judgement.value <= judgement.high))
    fail_input(fields.at("range"), "the range must contain the value (LOW <= value <= HIGH)");
  if (judgement.rationale.empty()) fail_input(fields.at("rationale"), "a judgement needs its reason");
  fields.reject_unknown_keys();
  return judgement;
}

Judgement TomlFields::judgement(const std::string& key) {
  auto value = optional_judgement(key);
  if (!value) fail_input(at(key), "missing required judgement {value, range, rationale}");
  return *value;
}

const toml::table* TomlFields::optional_table(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return nullptr;
  if (!node->is_table()) fail_input(at(key), "expected a table");
  return node->as_table();
}

const toml::array* TomlFields::optional_array(const std::string& key) {
  const toml::node* node = get(key, false);
  if (!node) return nullptr;
  if (!node->is_array()) fail_input(at(key), "expected an array");
  return node->as_array();
}

void TomlFields::reject_unknown_keys() const {
  for (const auto& [key, node] : table_) {
    std::string name(key.str());
    if (!seen_.count(name)) fail_input(at(name), "unknown key");
  }
}

}  // namespace tengerim
