#include "model/ModelReader.h"

#include <fmt/format.h>

#include <cmath>
#include <map>
#include <set>
#include <tuple>

#include "common/CsvTable.h"
#include "common/Text.h"
#include "model/GdpReader.h"
#include "model/ProductReader.h"
#include "model/RelationsReader.h"
#include "model/TomlFields.h"

namespace tengerim {
namespace {

constexpr double kWeightTolerance = 1e-9;

// Checks that a table-array entry is a table and wraps it.
const toml::table& entry_table(const toml::node& node, const std::string& file, const std::string& path) {
  if (!node.is_table())
    fail_input({file, static_cast<long>(node.source().begin.line), path}, "expected a table");
  return *node.as_table();
}

class ModelTomlReader {
 public:
  ModelTomlReader(const std::string& file, const CountryTable& countries)
      : file_(file), countries_(countries) {}

  // Only [[blocs]] and [[directions]]: a reusable set of directions.
  void read_direction_set(const std::string& text, Model& model) {
    toml::table root = parse(text);
    TomlFields fields(root, file_, "");
    read_blocs_and_directions(fields, model);
    fields.reject_unknown_keys();
  }

  void read(const std::string& text, Model& model) {
    toml::table root = parse(text);
    TomlFields fields(root, file_, "");
    model.focal = fields.string("focal");
    if (!countries_.contains(model.focal)) fail_input(fields.at("focal"), "unknown ISO3 code '" + model.focal + "'");
    model.name = fields.optional_string("name").value_or(countries_.name_of(model.focal));
    read_years(fields, model);
    read_blocs_and_directions(fields, model);
    // A model may have no domains (e.g. one built from UN votes alone).
    if (const auto* domains = fields.optional_array("domains")) {
      for (size_t i = 0; i < domains->size(); ++i) read_domain((*domains)[i], i, model);
      check_weights(fields, model);
    }
    if (const auto* parameters = fields.optional_table("parameters")) read_parameters(*parameters, model);
    fields.reject_unknown_keys();
  }

 private:
  toml::table parse(const std::string& text) { return parse_toml(text, file_); }

  void read_blocs_and_directions(TomlFields& fields, Model& model) {
    if (const auto* blocs = fields.optional_array("blocs"))
      for (size_t i = 0; i < blocs->size(); ++i) read_bloc((*blocs)[i], i, model);
    const auto* directions = fields.optional_array("directions");
    if (!directions || directions->empty()) fail_input(fields.at("directions"), "a model needs at least one direction");
    for (size_t i = 0; i < directions->size(); ++i) read_direction((*directions)[i], i, model);
  }

  void read_years(TomlFields& fields, Model& model) {
    auto years = fields.optional_array("years");
    if (!years || years->size() != 2 || !(*years)[0].is_integer() || !(*years)[1].is_integer())
      fail_input(fields.at("years"), "expected [FIRST, LAST], two whole years");
    model.first_year = static_cast<int>((*years)[0].value<int64_t>().value_or(0));
    model.last_year = static_cast<int>((*years)[1].value<int64_t>().value_or(0));
    if (model.first_year > model.last_year || model.first_year < 1800 || model.last_year > 2200)
      fail_input(fields.at("years"), "expected FIRST <= LAST, both between 1800 and 2200");
    if (auto year = fields.optional_integer("default_year")) {
      if (*year < model.first_year || *year > model.last_year)
        fail_input(fields.at("default_year"), "must lie within years");
      model.default_year = static_cast<int>(*year);
      model.default_year_rationale = fields.string("default_year_rationale");
    }
  }

  void read_bloc(const toml::node& node, size_t index, Model& model) {
    const std::string path = fmt::format("blocs[{}]", index);
    TomlFields fields(entry_table(node, file_, path), file_, path);
    Bloc bloc{fields.string("id"), fields.string("name"), fields.strings("members")};
    if (countries_.contains(bloc.id)) fail_input(fields.at("id"), "a bloc id must not be a country code");
    for (const auto& member : bloc.members)
      if (!countries_.contains(member)) fail_input(fields.at("members"), "unknown ISO3 code '" + member + "'");
    fields.reject_unknown_keys();
    model.blocs.push_back(std::move(bloc));
  }

  void read_direction(const toml::node& node, size_t index, Model& model) {
    const std::string path = fmt::format("directions[{}]", index);
    TomlFields fields(entry_table(node, file_, path), file_, path);
    Direction direction;
    direction.id = fields.string("id");
    direction.name = fields.optional_string("name").value_or(direction.id);
    direction.members = fields.strings("members");
    direction.rationale = fields.optional_string("rationale").value_or("");
    if (model.find_direction(direction.id)) fail_input(fields.at("id"), "duplicate direction '" + direction.id + "'");
    for (const auto& member : direction.members) {
      if (!is_partner_code(member, model)) fail_input(fields.at("members"), "unknown partner code '" + member + "'");
      for (const auto& country : expand(member, model)) {
        if (country == model.focal)
          fail_input(fields.at("members"), "the focal state cannot be its own partner (directly or in bloc " +
                                               member + ")");
        auto [it, inserted] = owner_.emplace(country, direction.id);
        if (!inserted)
          fail_model(fields.at("members"), fmt::format("partner '{}' is already in direction '{}': a partner "
                                                       "belongs to at most one direction", country, it->second));
      }
    }
    fields.reject_unknown_keys();
    model.directions.push_back(std::move(direction));
  }

  void read_domain(const toml::node& node, size_t index, Model& model) {
    const std::string path = fmt::format("domains[{}]", index);
    TomlFields fields(entry_table(node, file_, path), file_, path);
    Domain domain;
    domain.id = fields.string("id");
    domain.name = fields.optional_string("name").value_or(domain.id);
    domain.unit = fields.string("unit");
    domain.description = fields.optional_string("description").value_or("");
    domain.weight = fields.judgement("weight");
    domain.substitutability = fields.judgement("substitutability");
    if (model.find_domain(domain.id)) fail_input(fields.at("id"), "duplicate domain '" + domain.id + "'");
    if (domain.weight.value < 0 || domain.weight.low < 0 || domain.weight.high > 1)
      fail_input(fields.at("weight"), "a weight and its range must lie in [0, 1]");
    check_unit_interval(fields, "substitutability", domain.substitutability);
    if (const auto* overrides = fields.optional_table("substitutability_by_direction")) {
      TomlFields by_direction(*overrides, file_, path + ".substitutability_by_direction");
      for (const auto& [key, value] : *overrides) {
        std::string id(key.str());
        if (!model.find_direction(id)) fail_input(by_direction.at(id), "unknown direction '" + id + "'");
        Judgement judgement = by_direction.judgement(id);
        check_unit_interval(by_direction, id, judgement);
        domain.substitutability_by_direction[id] = judgement;
      }
    }
    if (const auto* fill = fields.optional_table("fill")) domain.fill = read_fill(*fill, path + ".fill");
    if (auto measure = fields.optional_string("measure")) {
      if (*measure != "flow" && *measure != "stock")
        fail_input(fields.at("measure"), "measure must be \"flow\" (a yearly flow) or \"stock\" (a level), not '" + *measure + "'");
      domain.stock = *measure == "stock";
    }
    if (auto steerable = fields.optional_bool("steerable")) domain.steerable = *steerable;
    fields.reject_unknown_keys();
    model.domains.push_back(std::move(domain));
  }

  // fill = { method = "carry_forward", max_age = {value, range, rationale} } or
  // { method = "rolling_sum", window = {value, range, rationale} }; limits are whole years.
  GapFill read_fill(const toml::table& table, const std::string& path) {
    TomlFields fields(table, file_, path);
    GapFill fill;
    const std::string method = fields.string("method");
    auto parsed = fill_method_from(method);
    if (!parsed)
      fail_input(fields.at("method"), "unknown gap-filling method '" + method + "' (one of " + fill_method_words() + ")");
    fill.method = *parsed;
    const bool by_age = fill.method == FillMethod::CarryForward || fill.method == FillMethod::Interpolate;
    const bool by_window = fill.method == FillMethod::RollingSum || fill.method == FillMethod::RollingMean;
    if (by_age) fill.max_age = whole_years(fields, "max_age", 0);
    if (by_window) fill.window = whole_years(fields, "window", 1);
    fields.reject_unknown_keys();
    return fill;
  }

  static Judgement whole_years(TomlFields& fields, const std::string& key, double least) {
    Judgement years = fields.judgement(key);
    for (double value : {years.value, years.low, years.high})
      if (value != std::floor(value) || value < least || value > 100)
        fail_input(fields.at(key), fmt::format("a number of whole years in [{}, 100] (value and range)", least));
    return years;
  }

  void check_unit_interval(TomlFields& fields, const std::string& key, const Judgement& judgement) {
    if (judgement.low < 0 || judgement.high > 1) fail_input(fields.at(key), "must lie in [0, 1]");
  }

  void check_weights(TomlFields& fields, const Model& model) {
    double sum = 0;
    for (const auto& domain : model.domains) sum += domain.weight.value;
    if (std::fabs(sum - 1.0) > kWeightTolerance)
      fail_model(fields.at("domains"), fmt::format("domain weights must sum to 1, they sum to {:.12g}", sum));
  }

  void read_parameters(const toml::table& table, Model& model) {
    TomlFields fields(table, file_, "parameters");
    for (const auto& [key, value] : table) {
      std::string name(key.str());
      if (!find_parameter_spec(name)) fail_input(fields.at(name), "unknown parameter (see `tengerim params`)");
      std::string problem = model.parameters.set(name, fields.number(name));
      if (!problem.empty()) fail_input(fields.at(name), problem);
    }
  }

  bool is_partner_code(const std::string& code, const Model& model) const {
    if (countries_.contains(code)) return true;
    for (const auto& bloc : model.blocs)
      if (bloc.id == code) return true;
    return false;
  }

  std::vector<std::string> expand(const std::string& code, const Model& model) const {
    for (const auto& bloc : model.blocs)
      if (bloc.id == code) return bloc.members;
    return {code};
  }

  const std::string& file_;
  const CountryTable& countries_;
  std::map<std::string, std::string> owner_;  // country -> direction
};

void read_sources(const ModelSource& source, Model& model) {
  const std::string file = source.display_name("sources.csv");
  auto text = source.read("sources.csv");
  if (!text) fail_io(file, "missing: every model needs sources.csv (id,publisher,title,year,address)");
  auto csv = CsvTable::parse(*text, file);
  csv.require_columns({"id", "publisher", "title", "year", "address"});
  const size_t id = csv.require_column("id"), publisher = csv.require_column("publisher"),
               title = csv.require_column("title"), year = csv.require_column("year"),
               address = csv.require_column("address");
  std::set<std::string> seen;
  for (const auto& row : csv.rows()) {
    Source entry{trim(row.cells[id]), row.cells[publisher], row.cells[title], row.cells[year], row.cells[address]};
    if (entry.id.empty()) fail_input(csv.at(row, id), "missing source id");
    if (entry.publisher.empty()) fail_input(csv.at(row, publisher), "missing publisher");
    if (!seen.insert(entry.id).second) fail_input(csv.at(row, id), "duplicate source id '" + entry.id + "'");
    model.sources.push_back(std::move(entry));
  }
}

class TieReader {
 public:
  TieReader(const Model& model, const CountryTable& countries) : model_(model), countries_(countries) {
    for (const auto& entry : model.sources) sources_.insert(entry.id);
  }

  std::vector<Tie> read(const ModelSource& source) {
    const std::string file = source.display_name("ties.csv");
    auto text = source.read("ties.csv");
    if (!text) return {};  // a model may have no ties (for example one built from UN votes only)
    auto csv = CsvTable::parse(*text, file);
    csv.require_columns({"domain", "partner", "year", "value", "source"}, {"note"});
    const size_t domain = csv.require_column("domain"), partner = csv.require_column("partner"),
                 year = csv.require_column("year"), value = csv.require_column("value"),
                 source_id = csv.require_column("source");
    const auto note = csv.find_column("note");
    std::vector<Tie> ties;
    for (const auto& row : csv.rows()) {
      Tie tie;
      tie.line = row.line;
      tie.domain = trim(row.cells[domain]);
      tie.partner = trim(row.cells[partner]);
      if (!model_.find_domain(tie.domain))
        fail_input(csv.at(row, domain), "unknown domain '" + tie.domain + "' (not declared in model.toml)");
      if (!is_partner_code(tie.partner))
        fail_input(csv.at(row, partner), "unknown partner code '" + tie.partner + "' (expected ISO 3166-1 alpha-3, "
                                         "a bloc declared in model.toml, WLD or XUN)");
      if (tie.partner == model_.focal) fail_input(csv.at(row, partner), "the focal state cannot be its own partner");
      long year_value = csv.integer(row, year);
      if (year_value < model_.first_year || year_value > model_.last_year)
        fail_input(csv.at(row, year), fmt::format("year {} is outside the model's years [{}, {}]", year_value,
                                                  model_.first_year, model_.last_year));
      tie.year = static_cast<int>(year_value);
      tie.value = csv.number(row, value);
      if (tie.value < 0) fail_input(csv.at(row, value), "must be non-negative");
      tie.source = trim(row.cells[source_id]);
      if (!sources_.count(tie.source))
        fail_input(csv.at(row, source_id), "source '" + tie.source + "' is not in sources.csv");
      if (note) tie.note = row.cells[*note];
      auto key = std::make_tuple(tie.domain, tie.partner, tie.year);
      auto [it, inserted] = first_line_.emplace(key, row.line);
      if (!inserted)
        fail_input(csv.at(row, partner), fmt::format("duplicate tie ({}, {}, {}): first given on line {}", tie.domain,
                                                     tie.partner, tie.year, it->second));
      ties.push_back(std::move(tie));
    }
    check_totals(csv, ties);
    return ties;
  }

 private:
  bool is_partner_code(const std::string& code) const {
    if (countries_.contains(code)) return true;
    for (const auto& bloc : model_.blocs)
      if (bloc.id == code) return true;
    return false;
  }

  // A WLD row is the domain's total: the listed partners cannot exceed it, and
  // a bloc and one of its members in the same domain-year would count twice.
  void check_totals(const CsvTable& csv, const std::vector<Tie>& ties) const {
    std::map<std::pair<std::string, int>, double> listed;
    for (const auto& tie : ties)
      if (tie.partner != kWorldCode) listed[{tie.domain, tie.year}] += tie.value;
    const size_t value = csv.require_column("value"), partner = csv.require_column("partner");
    for (const auto& tie : ties) {
      const CsvRow row{tie.line, {}};
      if (tie.partner == kWorldCode) {
        double sum = listed[{tie.domain, tie.year}];
        if (sum > tie.value * (1 + 1e-9) + 1e-12)
          fail_model(csv.at(row, value), fmt::format("the total (WLD) {} is less than the sum of the listed "
                                                     "partners {}", tie.value, sum));
      }
      for (const auto& bloc : model_.blocs) {
        if (bloc.id != tie.partner) continue;
        for (const auto& member : bloc.members)
          if (first_line_.count({tie.domain, member, tie.year}))
            fail_model(csv.at(row, partner), fmt::format("bloc {} and its member {} are both given for ({}, {}): "
                                                         "the flow would count twice", bloc.id, member, tie.domain,
                                                         tie.year));
      }
    }
  }

  const Model& model_;
  const CountryTable& countries_;
  std::set<std::string> sources_;
  std::map<std::tuple<std::string, std::string, int>, long> first_line_;
};

}  // namespace

Model read_direction_set(const std::string& text, const std::string& file, const CountryTable& countries) {
  Model model;
  ModelTomlReader(file, countries).read_direction_set(text, model);
  return model;
}

Model read_model(const ModelSource& source, const CountryTable& countries) {
  Model model;
  model.origin = source.label();
  const std::string toml_file = source.display_name("model.toml");
  auto text = source.read("model.toml");
  if (!text) fail_io(toml_file, "missing: a model folder needs model.toml");
  ModelTomlReader(toml_file, countries).read(*text, model);
  read_sources(source, model);
  model.ties = TieReader(model, countries).read(source);
  read_products(source, countries, model);
  read_relations(source, countries, model);
  read_gdp(source, model);
  return model;
}

}  // namespace tengerim
