#pragma once
// The values of one run's options: what the front end gave, checked against
// the declarations (run/OptionRegistry.h) before any work, with defaults for
// the rest. Every front end fills it the same way: the CLI and sweep plans
// from text, the HTTP API and the Python module from JSON values.
#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "run/OptionRegistry.h"

namespace tengerim {

using OptionValue = std::variant<bool, long, double, uint64_t, std::string, std::vector<double>, std::vector<long>,
                                 std::vector<std::string>>;

class RunOptions {
 public:
  explicit RunOptions(const CommandSpec& command);
  explicit RunOptions(std::string_view command) : RunOptions(command_spec(command)) {}

  const CommandSpec& command() const { return *command_; }

  // Each fails with OptionError (naming the key and the rule) on a value the declaration refuses;
  // `key` must be one of the command's options.
  void set_text(const std::string& key, const std::vector<std::string>& values);
  void set_text(const std::string& key, const std::string& value) { set_text(key, std::vector<std::string>{value}); }
  void set_json(const std::string& key, const nlohmann::json& value);
  void set_flag(const std::string& key, bool value);
  // Fails with OptionError for a required option that was not given.
  void check_required() const;

  bool given(const std::string& key) const { return values_.count(key) != 0; }
  // The option's value, or its default; nullopt when neither (an unset option).
  std::optional<OptionValue> value(const std::string& key) const;

  bool flag(const std::string& key) const;
  long integer(const std::string& key) const;  // fails (internal) when unset
  std::optional<long> optional_integer(const std::string& key) const;
  double number(const std::string& key) const;
  std::optional<double> optional_number(const std::string& key) const;
  std::vector<double> numbers(const std::string& key) const;
  std::vector<long> integers(const std::string& key) const;
  std::string text(const std::string& key) const;  // "" when unset
  std::vector<std::string> texts(const std::string& key) const;
  uint64_t seed(const std::string& key) const;

  // Every option of the command with its value in force (null when unset), in declaration order:
  // those that shape the result, or (delivery = true) those that only deliver it.
  nlohmann::ordered_json to_json(bool delivery = false) const;

  // The declaration's default as a value (nullopt when it has none); fails (internal) when the
  // default breaks the declaration's own rule.
  static std::optional<OptionValue> default_of(const OptionSpec& spec);
  static nlohmann::ordered_json value_json(const std::optional<OptionValue>& value);

 private:
  const OptionSpec& spec_of(const std::string& key) const;
  const CommandSpec* command_;
  std::map<std::string, std::optional<OptionValue>> values_;  // given; nullopt = given as unset ("none")
};

// A value's text as a message shows it ("0.95, 0.99").
std::string option_value_text(const OptionValue& value);

}  // namespace tengerim
