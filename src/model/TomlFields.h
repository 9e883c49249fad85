#pragma once
// Typed, strict access to one TOML table: every read names the file, line
// and key on failure, and unknown keys are errors.
#include <toml++/toml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "common/Error.h"
#include "model/Judgement.h"

namespace tengerim {

// Parses a whole TOML text; a syntax error fails (invalid input) naming the file and line.
toml::table parse_toml(std::string_view text, const std::string& file);

class TomlFields {
 public:
  TomlFields(const toml::table& table, std::string file, std::string path);

  std::string string(const std::string& key);  // required
  std::optional<std::string> optional_string(const std::string& key);
  std::optional<bool> optional_bool(const std::string& key);
  long integer(const std::string& key);
  std::optional<long> optional_integer(const std::string& key);
  double number(const std::string& key);
  std::vector<std::string> strings(const std::string& key);
  Judgement judgement(const std::string& key);  // {value, range = [lo, hi], rationale}
  std::optional<Judgement> optional_judgement(const std::string& key);
  const toml::table* optional_table(const std::string& key);
  const toml::array* optional_array(const std::string& key);
  // Fails on the first key that no accessor above has asked for.
  void reject_unknown_keys() const;

  Location at(const std::string& key) const;
  const std::string& file() const { return file_; }

 private:
  const toml::node* get(const std::string& key, bool required);

  const toml::table& table_;
  std::string file_;
  std::string path_;  // e.g. "domains[2]"
  std::set<std::string> seen_;
};

}  // namespace tengerim
