#include "serve/ScenarioRequest.h"

#include <fmt/format.h>

#include <string_view>
#include <sstream>
#include <toml++/toml.h>

#include "common/Error.h"
#include "risk/ScenarioReader.h"
#include "serve/RequestError.h"

namespace tengerim {
namespace {

constexpr const char* kFile = "";  // errors name only the request's field

toml::table to_table(const nlohmann::json& object, const std::string& where);

// Adds `value` to `container` (a toml::array, or a toml::table under `key`).
template <typename Container>
void put(Container& container, const std::string& key, const nlohmann::json& value, const std::string& where);

toml::array to_array(const nlohmann::json& array, const std::string& where) {
  toml::array out;
  for (size_t i = 0; i < array.size(); ++i) put(out, "", array[i], fmt::format("{}[{}]", where, i));
  return out;
}

template <typename Container>
void put(Container& container, const std::string& key, const nlohmann::json& value, const std::string& where) {
  auto add = [&](auto&& item) {
    if constexpr (std::is_same_v<Container, toml::array>) container.push_back(std::move(item));
    else container.insert_or_assign(key, std::move(item));
  };
  if (value.is_string()) add(value.get<std::string>());
  else if (value.is_boolean()) add(value.get<bool>());
  else if (value.is_number_integer()) add(value.get<int64_t>());
  else if (value.is_number()) add(value.get<double>());
  else if (value.is_object()) add(to_table(value, where));
  else if (value.is_array()) add(to_array(value, where));
  else reject(where + ": null is not a value");
}

toml::table to_table(const nlohmann::json& object, const std::string& where) {
  if (!object.is_object()) reject(where + ": expected an object");
  toml::table table;
  for (const auto& [key, value] : object.items()) put(table, key, value, where + "." + key);
  return table;
}

// The request's entries go first, so a reader's `edges[i]` or `shocks[i]` is the request's own
// index; `close` entries follow the request's edges.
struct Layout {
  size_t request_edges = 0;
  size_t closed = 0;
};

std::string request_field(const std::string& field, const Layout& layout) {
  // "edges[N]...": no regex, whose matching recurses once per byte of a long field.
  constexpr std::string_view prefix = "edges[";
  if (field.rfind(prefix, 0) != 0) return field;
  const size_t close = field.find(']', prefix.size());
  if (close == std::string::npos || close == prefix.size() || close - prefix.size() > 9) return field;
  size_t index = 0;
  for (size_t i = prefix.size(); i < close; ++i) {
    if (field[i] < '0' || field[i] > '9') return field;
    index = index * 10 + static_cast<size_t>(field[i] - '0');
  }
  if (index >= layout.request_edges && index < layout.request_edges + layout.closed)
    return fmt::format("close[{}]", index - layout.request_edges);
  return field;
}

}  // namespace

bool has_what_if(const nlohmann::json& body) {
  return body.contains("close") || body.contains("edges") || body.contains("shocks");
}

Scenario what_if_scenario(const nlohmann::json& body, const std::optional<ItemText>& base, const ModelSnapshot& snapshot) {
  if (snapshot.network.empty()) reject("model " + snapshot.model.origin + " has no corridor network: no scenario can run on it");
  toml::table root;
  Layout layout;
  for (const char* key : {"edges", "shocks"}) {
    if (!body.contains(key)) continue;
    if (!body[key].is_array()) reject(fmt::format("{}: expected an array of objects", key));
    toml::array entries;
    for (size_t i = 0; i < body[key].size(); ++i) entries.push_back(to_table(body[key][i], fmt::format("{}[{}]", key, i)));
    if (std::string(key) == "edges") layout.request_edges = entries.size();
    root.insert_or_assign(key, std::move(entries));
  }
  if (body.contains("close")) {
    if (!body["close"].is_array()) reject("close: expected an array of edge ids");
    if (!root.contains("edges")) root.insert("edges", toml::array{});
    auto& edges = *root["edges"].as_array();
    for (size_t i = 0; i < body["close"].size(); ++i) {
      const auto& id = body["close"][i];
      if (!id.is_string()) reject(fmt::format("close[{}]: expected an edge id (a string)", i));
      edges.push_back(toml::table{{"edge", id.get<std::string>()}, {"factor", 0.0}});
      ++layout.closed;
    }
  }
  if (base) {
    toml::table shipped = toml::parse(base->text, base->file);
    for (const char* key : {"edges", "shocks", "factors"}) {
      auto* from = shipped[key].as_array();
      if (!from) continue;
      if (!root.contains(key)) root.insert(key, toml::array{});
      for (auto& entry : *from) root[key].as_array()->push_back(entry);
    }
    root.insert_or_assign("name", base->reference + " + what-if");
    root.insert_or_assign("description", shipped["description"].value_or(std::string()));
  } else {
    root.insert_or_assign("name", "what-if");
    root.insert_or_assign("description", "Entries of a dashboard request.");
  }
  std::ostringstream text;
  text << root;
  try {
    return parse_scenario(text.str(), kFile, snapshot.model, snapshot.network);
  } catch (const Error& error) {
    const std::string field = request_field(error.where().field, layout);
    throw RequestError(422, "invalid_input", field.empty() ? error.detail() : field + ": " + error.detail());
  }
}

}  // namespace tengerim
