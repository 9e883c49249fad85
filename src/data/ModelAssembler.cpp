#include "data/ModelAssembler.h"

#include <fmt/format.h>

#include <algorithm>
#include <set>
#include <tuple>

#include "common/EmbeddedData.h"
#include "common/Error.h"
#include "common/OptionError.h"
#include "data/TradeSplice.h"
#include "model/ModelReader.h"

namespace tengerim {
namespace {

void remove_member(std::vector<std::string>& members, const std::string& code) {
  members.erase(std::remove(members.begin(), members.end(), code), members.end());
}

template <typename Row>
void replace_years(std::vector<Row>& existing, const std::vector<Row>& imported) {
  std::set<int> years;
  for (const auto& row : imported) years.insert(row.year);
  existing.erase(std::remove_if(existing.begin(), existing.end(), [&](const Row& row) { return years.count(row.year); }),
                 existing.end());
  existing.insert(existing.end(), imported.begin(), imported.end());
  std::stable_sort(existing.begin(), existing.end(), [](const Row& a, const Row& b) { return a.year < b.year; });
}

void add_domains(Model& model, const std::vector<DomainSpec>& specs) {
  std::vector<DomainSpec> added;
  for (const auto& spec : specs)
    if (!model.find_domain(spec.id)) added.push_back(spec);
  if (added.empty()) return;
  const double before = static_cast<double>(model.domains.size());
  const double after = before + static_cast<double>(added.size());
  for (auto& domain : model.domains) {
    domain.weight.value *= before / after;
    domain.weight.low *= before / after;
    domain.weight.high *= before / after;
  }
  for (const auto& spec : added) {
    Domain domain;
    domain.id = spec.id;
    domain.name = spec.name;
    domain.unit = spec.unit;
    domain.description = spec.description;
    domain.substitutability = spec.substitutability;
    domain.stock = spec.stock;
    domain.steerable = spec.steerable;
    const double weight = 1.0 / after;
    domain.weight = {weight, weight / 2, std::min(1.0, weight * 2),
                     "Default of an imported model: every domain gets an equal share of weight. A judgement to revise."};
    model.domains.push_back(std::move(domain));
  }
}

}  // namespace

Model default_directions_for(const std::string& focal, const CountryTable& countries) {
  const char* path = "reference/default_directions.toml";
  auto text = find_embedded_file(path);
  if (!text) throw Error(ErrorKind::Internal, {}, "the default direction set is missing");
  Model set = read_direction_set(std::string(*text), std::string("builtin:") + path, countries);
  for (auto& bloc : set.blocs) remove_member(bloc.members, focal);
  for (auto& direction : set.directions) remove_member(direction.members, focal);
  return set;
}

Model assemble_model(std::optional<Model> existing, const ImportResult& result, const ImportRequest& request,
                     const CountryTable& countries) {
  std::set<int> years;
  for (const auto& tie : result.ties) years.insert(tie.year);
  for (const auto& row : result.relations.alignment) years.insert(row.year);
  for (const auto& row : result.relations.formats) years.insert(row.year);
  for (const auto& row : result.relations.alliances) years.insert(row.year);
  for (const auto& row : result.relations.channels) years.insert(row.year);
  for (const auto& row : result.relations.ideal_points) years.insert(row.year);
  // GDP sets the years of a new model only: an existing model keeps its years
  // and takes the GDP of those years (a GDP series is longer than any tie's).
  if (!existing)
    for (const auto& [year, observation] : result.gdp) years.insert(year);
  if (years.empty() && (!existing || result.gdp.empty()))
    fail_option("import.focal", request.focal, fmt::format("nothing to import for it from these files{}",
                                                           request.first_year ? " in the years asked" : ""));
  Model model;
  if (existing) {
    model = std::move(*existing);
    if (model.focal != request.focal)
      fail_option("import.focal", request.focal, fmt::format("the model folder to extend is for {}", model.focal));
    if (!years.empty()) {
      model.first_year = std::min(model.first_year, *years.begin());
      model.last_year = std::max(model.last_year, *years.rbegin());
    }
  } else {
    Model directions = default_directions_for(request.focal, countries);
    model.focal = request.focal;
    model.name = countries.name_of(request.focal);
    model.blocs = std::move(directions.blocs);
    model.directions = std::move(directions.directions);
    model.first_year = *years.begin();
    model.last_year = *years.rbegin();
  }
  for (const auto& source : result.sources)
    if (std::none_of(model.sources.begin(), model.sources.end(), [&](const Source& s) { return s.id == source.id; }))
      model.sources.push_back(source);
  add_domains(model, result.domains);
  auto& ties = model.ties;
  merge_ties(ties, result.ties);  // a higher-precedence source of a domain-year is kept (data/TradeSplice.h)
  for (const auto& [year, observation] : result.gdp)
    if (year >= model.first_year && year <= model.last_year) model.gdp[year] = observation;
  std::sort(ties.begin(), ties.end(), [](const Tie& a, const Tie& b) {
    return std::tie(a.domain, a.year, a.partner) < std::tie(b.domain, b.year, b.partner);
  });
  replace_years(model.relations.alignment, result.relations.alignment);
  replace_years(model.relations.formats, result.relations.formats);
  replace_years(model.relations.alliances, result.relations.alliances);
  replace_years(model.relations.channels, result.relations.channels);
  replace_years(model.relations.ideal_points, result.relations.ideal_points);
  return model;
}

}  // namespace tengerim
