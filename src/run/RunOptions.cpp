#include "run/RunOptions.h"

#include <fmt/format.h>

#include <charconv>

#include "common/CsvTable.h"
#include "common/Text.h"
#include "common/OptionError.h"

namespace tengerim {
namespace {

std::vector<std::string> split_choices(const char* choices) {
  std::vector<std::string> out;
  std::string_view text(choices);
  while (!text.empty()) {
    auto bar = text.find('|');
    out.emplace_back(text.substr(0, bar));
    if (bar == std::string_view::npos) break;
    text.remove_prefix(bar + 1);
  }
  return out;
}

bool is_unset_word(const OptionSpec& spec, const std::string& text) {
  if (spec.type == OptionType::Choice) return false;
  for (const auto& word : split_choices(spec.choices))
    if (word == text) return true;
  return false;
}

std::string range_rule(const OptionSpec& spec, const char* kind) {
  const OptionRange& range = option_range(spec);
  std::string rule = range.bounded ? fmt::format("must be {} in {}", kind, range.text()) : fmt::format("must be {}", kind);
  auto words = split_choices(spec.choices);
  if (!words.empty()) rule += fmt::format(", or {}", join(words, " or "));
  return rule;
}

// Splits "0.95,0.99" and several values alike.
std::vector<std::string> list_items(const std::vector<std::string>& values) {
  std::vector<std::string> items;
  for (const auto& value : values) {
    size_t start = 0;
    while (start <= value.size()) {
      auto comma = value.find(',', start);
      items.push_back(trim(value.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return items;
}

void check_count(const OptionSpec& spec, size_t count, const std::string& shown) {
  if (count == 0) fail_option(spec.key, shown, "needs at least one value");
  if (spec.count && count != spec.count) fail_option(spec.key, shown, fmt::format("takes exactly {} values", spec.count));
}

long parse_integer(const OptionSpec& spec, const std::string& text) {
  auto value = parse_long(trim(text));
  if (!value || !option_range(spec).contains(static_cast<double>(*value)))
    fail_option(spec.key, text, range_rule(spec, "a whole number"));
  return *value;
}

double parse_number(const OptionSpec& spec, const std::string& text) {
  auto value = parse_double(trim(text));
  if (!value || !option_range(spec).contains(*value)) fail_option(spec.key, text, range_rule(spec, "a number"));
  return *value;
}

uint64_t parse_seed(const OptionSpec& spec, const std::string& text) {
  const std::string digits = trim(text);
  uint64_t value = 0;
  auto [end, code] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || code != std::errc() || end != digits.data() + digits.size())
    fail_option(spec.key, text, "must be a whole number in [0, 18446744073709551615]");
  return value;
}

std::optional<OptionValue> parse_text(const OptionSpec& spec, const std::vector<std::string>& values) {
  const std::string shown = join(values, " ");
  using T = OptionType;
  if (spec.type != T::Texts && spec.type != T::Numbers && spec.type != T::Integers && values.size() != 1)
    fail_option(spec.key, shown, "takes one value");
  if (spec.type != T::Texts && values.size() == 1 && is_unset_word(spec, trim(values[0]))) return std::nullopt;
  switch (spec.type) {
    case T::Flag: {
      const std::string text = trim(values[0]);
      if (text == "true" || text == "1" || text == "on") return true;
      if (text == "false" || text == "0" || text == "off") return false;
      fail_option(spec.key, values[0], "must be true or false");
    }
    case T::Integer: return parse_integer(spec, values[0]);
    case T::Number: return parse_number(spec, values[0]);
    case T::Seed: return parse_seed(spec, values[0]);
    case T::Numbers: {
      std::vector<double> out;
      for (const auto& item : list_items(values)) out.push_back(parse_number(spec, item));
      check_count(spec, out.size(), shown);
      return out;
    }
    case T::Integers: {
      std::vector<long> out;
      for (const auto& item : list_items(values)) out.push_back(parse_integer(spec, item));
      check_count(spec, out.size(), shown);
      return out;
    }
    case T::Choice: {
      const auto choices = split_choices(spec.choices);
      for (const auto& choice : choices)
        if (choice == values[0]) return values[0];
      fail_option(spec.key, values[0], "must be one of " + join(choices, ", "));
    }
    case T::Text:
      if (values[0].empty()) return std::nullopt;
      return values[0];
    case T::Texts:
      check_count(spec, values.size(), shown);
      return values;
  }
  return std::nullopt;
}

// JSON values are turned into the texts the CLI would give, so both front ends share one check.
std::vector<std::string> json_texts(const OptionSpec& spec, const nlohmann::json& value) {
  using T = OptionType;
  auto scalar = [&](const nlohmann::json& item) -> std::string {
    switch (spec.type) {
      case T::Flag:
        if (!item.is_boolean()) fail_option(spec.key, item.dump(), "must be true or false");
        return item.get<bool>() ? "true" : "false";
      case T::Integer:
      case T::Integers:
      case T::Seed:
        if (item.is_string() && spec.type == T::Seed) return item.get<std::string>();
        if (item.is_string() && is_unset_word(spec, item.get<std::string>())) return item.get<std::string>();
        if (!item.is_number_integer()) {
          if (spec.type == T::Seed) fail_option(spec.key, item.dump(), "must be a whole number in [0, 18446744073709551615]");
          fail_option(spec.key, item.dump(), range_rule(spec, "a whole number"));
        }
        return item.is_number_unsigned() ? std::to_string(item.get<uint64_t>()) : std::to_string(item.get<int64_t>());
      case T::Number:
      case T::Numbers:
        if (item.is_string() && is_unset_word(spec, item.get<std::string>())) return item.get<std::string>();
        if (!item.is_number()) fail_option(spec.key, item.dump(), range_rule(spec, "a number"));
        return fmt::format("{}", item.get<double>());
      case T::Text:
      case T::Texts:
      case T::Choice:
        if (!item.is_string()) fail_option(spec.key, item.dump(), "must be a string");
        return item.get<std::string>();
    }
    return {};
  };
  const bool list = spec.type == T::Numbers || spec.type == T::Integers || spec.type == T::Texts;
  if (list && value.is_array()) {
    std::vector<std::string> out;
    for (const auto& item : value) out.push_back(scalar(item));
    if (out.empty()) fail_option(spec.key, value.dump(), "needs at least one value");
    return out;
  }
  if (value.is_array() || value.is_object()) fail_option(spec.key, value.dump(), list ? "must be a value or a list of values" : "takes one value");
  return {scalar(value)};
}

}  // namespace

RunOptions::RunOptions(const CommandSpec& command) : command_(&command) {}

const OptionSpec& RunOptions::spec_of(const std::string& key) const {
  if (!takes_option(*command_, key))
    throw Error(ErrorKind::Internal, {}, fmt::format("command {} has no option {}", command_->name, key));
  return option_spec(key);
}

void RunOptions::set_text(const std::string& key, const std::vector<std::string>& values) {
  const OptionSpec& spec = spec_of(key);
  auto parsed = parse_text(spec, values);
  if (parsed && key == "output.format") {
    const auto& formats = command_->formats;
    if (std::find(formats.begin(), formats.end(), std::get<std::string>(*parsed)) == formats.end())
      fail_option(key, values[0], "must be one of " + join(formats, ", ") + " for " + command_->name);
  }
  values_[key] = std::move(parsed);
}

void RunOptions::set_json(const std::string& key, const nlohmann::json& value) {
  const OptionSpec& spec = spec_of(key);
  if (value.is_null()) {
    values_.erase(key);
    return;
  }
  set_text(key, json_texts(spec, value));
}

void RunOptions::set_flag(const std::string& key, bool value) {
  spec_of(key);
  values_[key] = value;
}

void RunOptions::check_required() const {
  for (const auto& key : command_->options) {
    const OptionSpec& spec = option_spec(key);
    if (spec.required && !value(key)) fail_option(key, "", "is required");
  }
}

std::optional<OptionValue> RunOptions::default_of(const OptionSpec& spec) {
  if (spec.type == OptionType::Flag) return false;
  if (std::string_view(spec.default_value).empty()) return std::nullopt;
  try {
    return parse_text(spec, {spec.default_value});
  } catch (const OptionError& error) {
    throw Error(ErrorKind::Internal, {}, std::string("the declared default breaks its own rule: ") + error.what());
  }
}

std::optional<OptionValue> RunOptions::value(const std::string& key) const {
  auto found = values_.find(key);
  if (found != values_.end()) return found->second;
  return default_of(spec_of(key));
}

namespace {

template <typename V>
V get_as(const std::optional<OptionValue>& value, const std::string& key) {
  if (!value) throw Error(ErrorKind::Internal, {}, "option " + key + " has no value");
  if (auto* held = std::get_if<V>(&*value)) return *held;
  throw Error(ErrorKind::Internal, {}, "option " + key + " read as the wrong type");
}

}  // namespace

bool RunOptions::flag(const std::string& key) const { return get_as<bool>(value(key), key); }
long RunOptions::integer(const std::string& key) const { return get_as<long>(value(key), key); }
double RunOptions::number(const std::string& key) const { return get_as<double>(value(key), key); }
std::vector<double> RunOptions::numbers(const std::string& key) const { return get_as<std::vector<double>>(value(key), key); }
std::vector<long> RunOptions::integers(const std::string& key) const { return get_as<std::vector<long>>(value(key), key); }
uint64_t RunOptions::seed(const std::string& key) const { return get_as<uint64_t>(value(key), key); }

std::optional<long> RunOptions::optional_integer(const std::string& key) const {
  auto held = value(key);
  if (!held) return std::nullopt;
  return get_as<long>(held, key);
}

std::optional<double> RunOptions::optional_number(const std::string& key) const {
  auto held = value(key);
  if (!held) return std::nullopt;
  return get_as<double>(held, key);
}

std::string RunOptions::text(const std::string& key) const {
  auto held = value(key);
  return held ? get_as<std::string>(held, key) : std::string();
}

std::vector<std::string> RunOptions::texts(const std::string& key) const {
  auto held = value(key);
  return held ? get_as<std::vector<std::string>>(held, key) : std::vector<std::string>();
}

nlohmann::ordered_json RunOptions::value_json(const std::optional<OptionValue>& value) {
  if (!value) return nullptr;
  return std::visit([](const auto& held) { return nlohmann::ordered_json(held); }, *value);
}

nlohmann::ordered_json RunOptions::to_json(bool delivery) const {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& key : command_->options)
    if (option_spec(key).delivery == delivery) out[key] = value_json(value(key));
  return out;
}

std::string option_value_text(const OptionValue& value) {
  return std::visit(
      [](const auto& held) -> std::string {
        using V = std::decay_t<decltype(held)>;
        if constexpr (std::is_same_v<V, bool>) return held ? "true" : "false";
        else if constexpr (std::is_same_v<V, std::string>) return held;
        else if constexpr (std::is_same_v<V, std::vector<std::string>>) return join(held, " ");
        else if constexpr (std::is_same_v<V, std::vector<double>> || std::is_same_v<V, std::vector<long>>) {
          std::vector<std::string> parts;
          for (auto item : held) parts.push_back(fmt::format("{}", item));
          return join(parts, ", ");
        } else return fmt::format("{}", held);
      },
      value);
}

}  // namespace tengerim
