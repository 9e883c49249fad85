#include "serve/ScenarioRequest.h"

#include <fmt/format.h>

#include <sstream>
#include <toml++/toml.h>

#include "common/EmbeddedData.h"
#include "risk/ScenarioReader.h"
#include "serve/RequestError.h"

namespace tengerim {
namespace {

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

toml::array& entries(toml::table& root, const char* key) {
  if (!root.contains(key)) root.insert(key, toml::array{});
  auto* array = root[key].as_array();
  if (!array) reject(std::string("scenario key '") + key + "' is not an array of tables");
  return *array;
}

}  // namespace

Scenario scenario_from_request(const nlohmann::json& body, const ModelSource& source, const Model& model,
                               const CorridorNetwork& network, bool default_when_absent) {
  if (network.empty()) reject("model " + model.origin + " has no corridor network: no scenario can run on it");
  std::string name = body.contains("scenario") && !body["scenario"].is_null()
                         ? (body["scenario"].is_string() ? body["scenario"].get<std::string>() : "")
                         : "";
  if (body.contains("scenario") && !body["scenario"].is_string() && !body["scenario"].is_null())
    reject("scenario: expected a built-in scenario name (a string)");
  const bool what_if = body.contains("close") || body.contains("edges") || body.contains("shocks");
  if (name.empty() && !what_if) {
    if (default_when_absent) return read_default_scenario(source, model, network);
    reject("give a 'scenario' (one of: " + fmt::format("{}", fmt::join(builtin_scenario_names(), ", ")) +
           ") or what-if entries ('close', 'edges', 'shocks')");
  }
  toml::table root;
  if (!name.empty()) {
    auto text = find_embedded_file("scenarios/" + name + ".toml");
    if (!text)
      reject(fmt::format("scenario: unknown scenario '{}' (built-in: {})", name,
                         fmt::join(builtin_scenario_names(), ", ")));
    if (!what_if) return parse_scenario(std::string(*text), "scenarios/" + name + ".toml", model, network);
    root = toml::parse(*text, "scenarios/" + name + ".toml");
    root.insert_or_assign("name", name + " + what-if");
  } else {
    root.insert_or_assign("name", "what-if");
    root.insert_or_assign("description", "Entries of a dashboard request.");
  }
  if (body.contains("close")) {
    if (!body["close"].is_array()) reject("close: expected an array of edge ids");
    for (const auto& id : body["close"]) {
      if (!id.is_string()) reject("close: expected an array of edge ids (strings)");
      entries(root, "edges").push_back(toml::table{{"edge", id.get<std::string>()}, {"factor", 0.0}});
    }
  }
  for (const char* key : {"edges", "shocks"}) {
    if (!body.contains(key)) continue;
    if (!body[key].is_array()) reject(fmt::format("{}: expected an array of objects", key));
    for (size_t i = 0; i < body[key].size(); ++i)
      entries(root, key).push_back(to_table(body[key][i], fmt::format("{}[{}]", key, i)));
  }
  std::ostringstream text;
  text << root;
  return parse_scenario(text.str(), "request body (as scenario TOML)", model, network);
}

}  // namespace tengerim
