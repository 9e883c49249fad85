#include "risk/ScenarioReader.h"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "model/CountryTable.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

long line_of(const toml::node& node) { return static_cast<long>(node.source().begin.line); }

class ScenarioParser {
 public:
  ScenarioParser(std::string file, const Model& model, const CorridorNetwork& network)
      : file_(std::move(file)), model_(model), network_(network) {}

  Scenario parse(const std::string& text) {
    toml::table root = parse_toml(text, file_);
    TomlFields fields(root, file_, "");
    Scenario scenario;
    scenario.file = file_;
    scenario.name = fields.string("name");
    scenario.description = fields.optional_string("description").value_or("");
    for_each(fields, "factors", [&](TomlFields& entry, const toml::table&) {
      CommonFactor factor{entry.string("id"), entry.string("rationale")};
      for (const auto& known : scenario.factors)
        if (known.id == factor.id) fail_input(entry.at("id"), "duplicate factor '" + factor.id + "'");
      scenario.factors.push_back(factor);
    });
    for_each(fields, "shocks", [&](TomlFields& entry, const toml::table& table) { scenario.shocks.push_back(read_shock(entry, table, scenario)); });
    for_each(fields, "edges", [&](TomlFields& entry, const toml::table& table) { read_edge(entry, table, scenario); });
    if (root.contains("coupling"))
      fail_input(fields.at("coupling"), "the coupling Gamma belongs to the model, not to a scenario: move these "
                                        "[[coupling]] entries to the model folder's coupling.toml");
    fields.reject_unknown_keys();
    if (scenario.shocks.empty() && scenario.edges.empty())
      fail_input({file_, 0, ""}, "a scenario needs at least one [[shocks]] or [[edges]] entry");
    return scenario;
  }

 private:
  template <typename Body>
  void for_each(TomlFields& fields, const std::string& key, Body body) {
    const toml::array* array = fields.optional_array(key);
    if (!array) return;
    for (size_t i = 0; i < array->size(); ++i) {
      const toml::node& node = *array->get(i);
      std::string path = key + "[" + std::to_string(i) + "]";
      if (!node.is_table()) fail_input({file_, line_of(node), path}, "expected a table");
      TomlFields entry(*node.as_table(), file_, path);
      body(entry, *node.as_table());
      entry.reject_unknown_keys();
    }
  }

  // A plain number, or a judgement {value, range, rationale} (its value; its range into `range`).
  double figure(TomlFields& fields, const std::string& key, const toml::table& table,
                std::optional<FigureRange>* range = nullptr) {
    const toml::node* node = table.get(key);
    if (node && node->is_table()) {
      const Judgement judgement = fields.judgement(key);
      if (range) *range = FigureRange{judgement.low, judgement.high};
      return judgement.value;
    }
    return fields.number(key);
  }
  std::optional<double> optional_figure(TomlFields& fields, const std::string& key, const toml::table& table,
                                        std::optional<FigureRange>* range = nullptr) {
    if (!table.get(key)) {
      fields.optional_string(key);  // marks it as seen
      return std::nullopt;
    }
    return figure(fields, key, table, range);
  }
  // A fraction's range must stay within [0, 1], so that every draw is valid.
  static void require_fraction_range(const TomlFields& fields, const std::string& key,
                                     const std::optional<FigureRange>& range, const char* what) {
    if (range && (range->low < 0 || range->high > 1))
      fail_input(fields.at(key), std::string("the range of ") + what + " must lie in [0, 1]");
  }

  static void require_fraction(const TomlFields& fields, const std::string& key, double value, const char* what) {
    if (value < 0 || value > 1)
      fail_input(fields.at(key), std::string(what) + " must be in [0, 1], got " + std::to_string(value));
  }

  Shock read_shock(TomlFields& fields, const toml::table& table, const Scenario& scenario) {
    Shock shock;
    shock.id = fields.string("id");
    shock.line = fields.at("id").line;
    auto edge = fields.optional_string("edge");
    auto direction = fields.optional_string("direction");
    auto partner = fields.optional_string("partner");
    if (edge) {
      if (partner) fail_input(fields.at("partner"), "a shock on an 'edge' takes no 'partner' (it cuts that edge alone)");
      shock.edge = edge_by_id(fields, "edge", *edge);
      target_edge(fields, "edge", direction, shock);
    } else {
      if (direction.has_value() == partner.has_value())
        fail_input(fields.at("direction"), "give exactly one of 'direction', 'partner' or 'edge'");
      if (direction) {
        check_direction(fields, *direction);
        shock.direction = *direction;
      } else {
        bool bloc = false;
        for (const auto& entry : model_.blocs) bloc = bloc || entry.id == *partner;
        if (!bloc && !CountryTable::builtin().contains(*partner))
          fail_input(fields.at("partner"), "unknown partner '" + *partner + "' (expected ISO3 or a bloc of the model)");
        shock.partner = *partner;
        shock.direction = model_.direction_of(*partner);
        if (shock.direction.empty()) fail_input(fields.at("partner"), "partner '" + *partner + "' is in no direction of the model");
      }
      shock.domain = fields.string("domain");
      if (!model_.find_domain(shock.domain)) fail_input(fields.at("domain"), "unknown domain '" + shock.domain + "'");
    }
    shock.cut = figure(fields, "cut", table, &shock.cut_range);
    require_fraction(fields, "cut", shock.cut, "cut");
    require_fraction_range(fields, "cut", shock.cut_range, "cut");
    read_event(fields, table, scenario, shock);
    return shock;
  }

  // Duration, and for Monte Carlo: probability, Beta severity, factor loadings.
  void read_event(TomlFields& fields, const toml::table& table, const Scenario& scenario, Shock& shock) {
    shock.duration = optional_figure(fields, "duration", table, &shock.duration_range).value_or(1.0);
    if (!(shock.duration > 0)) fail_input(fields.at("duration"), "duration must be > 0 years");
    if (shock.duration_range && !(shock.duration_range->low > 0))
      fail_input(fields.at("duration"), "the range of duration must stay above 0 years");
    shock.probability = optional_figure(fields, "probability", table, &shock.probability_range);
    if (shock.probability) require_fraction(fields, "probability", *shock.probability, "probability");
    require_fraction_range(fields, "probability", shock.probability_range, "probability");
    if (const toml::table* severity = fields.optional_table("severity")) read_severity(fields, *severity, shock);
    if (const toml::table* loadings = fields.optional_table("loadings")) read_loadings(fields, *loadings, scenario, shock);
    fields.optional_string("rationale");
    fields.optional_string("source");
    for (const auto& known : scenario.shocks)
      if (known.id == shock.id) fail_input(fields.at("id"), "duplicate shock id '" + shock.id + "'");
  }

  // alpha and beta, and optionally the range of the mean cut alpha / (alpha + beta)
  // that a sensitivity run draws (keeping alpha + beta, the concentration).
  void read_severity(TomlFields& fields, const toml::table& table, Shock& shock) const {
    TomlFields beta(table, file_, fields.at("severity").field);
    BetaSeverity parameters{beta.number("alpha"), beta.number("beta")};
    beta.optional_string("rationale");
    if (!(parameters.alpha > 0)) fail_input(beta.at("alpha"), "a Beta severity needs alpha > 0");
    if (!(parameters.beta > 0)) fail_input(beta.at("beta"), "a Beta severity needs beta > 0");
    if (const toml::array* bounds = beta.optional_array("range")) {
      if (bounds->size() != 2 || !(*bounds)[0].is_number() || !(*bounds)[1].is_number())
        fail_input(beta.at("range"), "expected [LOW, HIGH] of the mean cut alpha / (alpha + beta)");
      FigureRange range{(*bounds)[0].value<double>().value_or(0), (*bounds)[1].value<double>().value_or(0)};
      const double mean = parameters.alpha / (parameters.alpha + parameters.beta);
      if (!(range.low > 0 && range.high < 1 && range.low <= mean && mean <= range.high))
        fail_input(beta.at("range"), "the range of the mean cut must lie in (0, 1) and contain alpha / (alpha + beta) = " +
                                         std::to_string(mean));
      shock.severity_range = range;
    }
    beta.reject_unknown_keys();
    shock.severity = parameters;
  }

  // factor id -> a loading in (-1, 1), a number or a judgement {value, range, rationale};
  // the squared loadings sum to less than 1 at every point of their ranges.
  void read_loadings(TomlFields& fields, const toml::table& table, const Scenario& scenario, Shock& shock) const {
    TomlFields entries(table, file_, fields.at("loadings").field);
    double squares = 0;
    for (const auto& [key, node] : table) {
      std::string factor(key.str());
      Location at{file_, line_of(node), fields.at("loadings").field + "." + factor};
      bool known = false;
      for (const auto& entry : scenario.factors) known = known || entry.id == factor;
      if (!known) fail_input(at, "unknown common factor '" + factor + "' (declare it under [[factors]] first)");
      double value = 0, largest = 0;
      if (node.is_table()) {
        const Judgement judgement = entries.judgement(factor);
        value = judgement.value;
        largest = std::max(std::abs(judgement.low), std::abs(judgement.high));
        if (!(largest < 1)) fail_input(at, "the range of a loading must lie in (-1, 1)");
        shock.loading_ranges[factor] = FigureRange{judgement.low, judgement.high};
      } else {
        auto number = node.value<double>();
        if (!number || !(std::abs(*number) < 1)) fail_input(at, "a loading must be a number in (-1, 1)");
        value = *number;
        largest = std::abs(value);
      }
      shock.loadings[factor] = value;
      squares += largest * largest;
    }
    if (squares >= 1)
      fail_input(fields.at("loadings"), "the squared loadings must sum to less than 1 (at the tops of their ranges too)");
  }

  void check_direction(const TomlFields& fields, const std::string& direction) const {
    if (!model_.find_direction(direction))
      fail_input(fields.at("direction"), "unknown direction '" + direction + "'" + known_directions());
  }

  size_t edge_by_id(const TomlFields& fields, const std::string& key, const std::string& id) const {
    for (size_t e = 0; e < network_.edges.size(); ++e)
      if (network_.edges[e].id == id) return e;
    fail_input(fields.at(key), "unknown edge '" + id + "' (ids are the 'id' column of edges.csv, else FROM->TO:COMMODITY)");
  }

  // An edge shock's domain is its commodity's; its loss is charged to `direction`
  // when given, else to the direction of the first controller that has one.
  void target_edge(TomlFields& fields, const std::string& key, const std::optional<std::string>& direction,
                   Shock& shock) const {
    const CorridorEdge& edge = network_.edges[*shock.edge];
    const CorridorCommodity* commodity = network_.find_commodity(edge.commodity);
    shock.domain = commodity ? commodity->domain : "";
    if (auto domain = fields.optional_string("domain"); domain && *domain != shock.domain)
      fail_input(fields.at("domain"), "edge '" + edge.id + "' carries " + edge.commodity + ", whose domain is '" +
                                          shock.domain + "', not '" + *domain + "' (leave 'domain' out)");
    if (direction) {
      check_direction(fields, *direction);
      shock.direction = *direction;
      return;
    }
    for (const auto& controller : edge.controllers)
      if (shock.direction.empty()) shock.direction = model_.direction_of(controller);
    if (shock.direction.empty())
      fail_input(fields.at(key),
                 "no controller of edge '" + edge.id + "' is in a direction: name the 'direction' its loss is charged to");
  }

  // A deterministic change (no probability), or with a probability a sampled
  // closure, read as a shock on that edge with cut = 1 - factor.
  void read_edge(TomlFields& fields, const toml::table& table, Scenario& scenario) {
    size_t index = 0;
    long line = 0;
    if (auto id = fields.optional_string("edge")) {
      for (const auto& key : {"from", "to", "commodity"})
        if (table.get(key)) fail_input(fields.at(key), "give either 'edge' or 'from' and 'to', not both");
      index = edge_by_id(fields, "edge", *id);
      line = fields.at("edge").line;
    } else {
      index = edge_by_ends(fields);
      line = fields.at("from").line;
    }
    std::optional<FigureRange> factor_range;
    double factor = figure(fields, "factor", table, &factor_range);
    require_fraction(fields, "factor", factor, "factor (capacity multiplier)");
    require_fraction_range(fields, "factor", factor_range, "factor");
    if (!table.get("probability")) {
      fields.optional_string("id");
      for (const auto& key : {"severity", "loadings", "direction"})
        if (table.get(key))
          fail_input(fields.at(key), std::string("'") + key + "' applies to a sampled closure: give a 'probability' too");
      EdgeChange change;
      change.edge = index;
      change.factor = factor;
      read_actor(fields, index, change.actor, change.edges_taken);
      change.line = line;
      change.duration = optional_figure(fields, "duration", table).value_or(1.0);
      if (!(change.duration > 0)) fail_input(fields.at("duration"), "duration must be > 0 years");
      fields.optional_string("rationale");
      fields.optional_string("source");
      scenario.edges.push_back(change);
      return;
    }
    Shock shock;
    shock.edge = index;
    shock.id = fields.optional_string("id").value_or(network_.edges[index].id);
    read_actor(fields, index, shock.actor, shock.edges_taken);
    shock.line = line;
    shock.cut = 1 - factor;
    if (factor_range) shock.cut_range = FigureRange{1 - factor_range->high, 1 - factor_range->low};
    auto charged_to = fields.optional_string("direction");
    if (!charged_to && !shock.actor.empty()) charged_to = shock.actor;  // an actor's closure is charged to it
    target_edge(fields, table.get("edge") ? "edge" : "from", charged_to, shock);
    read_event(fields, table, scenario, shock);
    scenario.shocks.push_back(shock);
  }

  // `actor = "DIR"`: the closure's cause, which also cuts every other edge it
  // controls (a controller in its direction; the focal state never counts),
  // less `exceptions = ["EDGE", ...]`.
  void read_actor(TomlFields& fields, size_t own, std::string& actor, std::vector<size_t>& taken) const {
    const toml::array* exceptions = fields.optional_array("exceptions");
    auto named = fields.optional_string("actor");
    if (!named) {
      if (exceptions) fail_input(fields.at("exceptions"), "'exceptions' apply to an actor's closure: give an 'actor'");
      return;
    }
    if (!model_.find_direction(*named))
      fail_input(fields.at("actor"), "unknown actor '" + *named + "': an actor is a direction" + known_directions());
    actor = *named;
    std::vector<size_t> excepted;
    if (exceptions)
      for (const auto& item : *exceptions) {
        const auto id = item.value<std::string>();
        if (!id) fail_input(fields.at("exceptions"), "expected an array of edge ids");
        excepted.push_back(edge_by_id(fields, "exceptions", *id));
      }
    for (size_t e = 0; e < network_.edges.size(); ++e) {
      if (e == own || std::count(excepted.begin(), excepted.end(), e)) continue;
      for (const auto& controller : network_.edges[e].controllers)
        if (controller != model_.focal && model_.direction_of(controller) == actor) {
          taken.push_back(e);
          break;
        }
    }
  }

  size_t edge_by_ends(TomlFields& fields) {
    std::string from = fields.string("from"), to = fields.string("to");
    auto commodity = fields.optional_string("commodity");
    for (const auto& node : {from, to})
      if (!network_.find_node(node))
        fail_input(fields.at(node == from ? "from" : "to"), "unknown node '" + node + "' (not in nodes.csv)");
    std::optional<size_t> found;
    for (size_t e = 0; e < network_.edges.size(); ++e) {
      const auto& edge = network_.edges[e];
      if (edge.from == from && edge.to == to && (!commodity || edge.commodity == *commodity)) {
        if (found) fail_input(fields.at("from"), "several edges " + from + "->" + to + ": name the 'commodity'");
        found = e;
      }
    }
    if (!found) fail_input(fields.at("from"), "no edge " + from + "->" + to + " in edges.csv");
    return *found;
  }

  std::string known_directions() const {
    std::string out = " (directions: ";
    for (size_t i = 0; i < model_.directions.size(); ++i) out += (i ? ", " : "") + model_.directions[i].id;
    return out + ")";
  }

  std::string file_;
  const Model& model_;
  const CorridorNetwork& network_;
};

}  // namespace

Scenario parse_scenario(const std::string& text, const std::string& file, const Model& model,
                        const CorridorNetwork& network) {
  return ScenarioParser(file, model, network).parse(text);
}

}  // namespace tengerim
