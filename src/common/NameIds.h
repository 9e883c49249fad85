#pragma once
// Small integer ids for the names a file repeats (country codes, country
// names), so that a reader can key a row by numbers instead of building a
// string per row: importers check every row for repeats, and a string key per
// row was most of their time (docs/performance.md, "Importers of issue 13").
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace tengerim {

class NameIds {
 public:
  // The id of `name` (0, 1, 2, ... in order of first sight); copies it only the first time.
  uint32_t id(std::string_view name) {
    auto found = ids_.find(name);
    if (found != ids_.end()) return found->second;
    const auto id = static_cast<uint32_t>(ids_.size());
    ids_.emplace(std::string(name), id);
    return id;
  }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
};

}  // namespace tengerim
