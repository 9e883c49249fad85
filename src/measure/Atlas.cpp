#include "measure/Atlas.h"

#include <algorithm>
#include <set>

#include "data/ModelAssembler.h"
#include "data/TradeSplice.h"
#include "measure/BalanceSheetBuilder.h"

namespace tengerim {
namespace {

void remove_member(std::vector<std::string>& members, const std::string& code) {
  members.erase(std::remove(members.begin(), members.end(), code), members.end());
}

AtlasRow row_of(const Model& model, const YearSheet& sheet, bool with_formats) {
  AtlasRow row;
  row.country = model.focal;
  row.name = model.name;
  row.year = sheet.year;
  row.coverage = sheet.coverage;
  for (const auto& domain : sheet.domains) row.domains.push_back(domain.id);
  const bool ties = sheet.has_ties();
  for (size_t c = 0; c <= model.directions.size(); ++c) {  // the directions, then "other"
    row.dependence.push_back(ties ? std::optional(sheet.directions[c].dependence) : std::nullopt);
    row.leverage.push_back(ties ? std::optional(sheet.directions[c].leverage) : std::nullopt);
  }
  row.published = sheet.published;
  row.balance = sheet.balance;
  row.separation = sheet.separation;
  row.max_dependence = sheet.max_dependence;
  row.max_leverage = sheet.max_leverage;
  row.critical_pairs = sheet.critical_pairs;
  const auto& alignment = sheet.relations.direction_alignment;
  for (size_t c = 0; c < model.directions.size(); ++c) {
    row.alignment.push_back(c < alignment.size() ? alignment[c].agreement : std::nullopt);
    row.votes.push_back(c < alignment.size() ? alignment[c].votes : 0);
  }
  row.equidistance = sheet.relations.equidistance;
  std::set<std::string> trade_sources;
  for (const auto& domain : sheet.domains)
    if (domain.id == "exports" || domain.id == "imports") trade_sources.insert(domain.sources.begin(), domain.sources.end());
  for (const auto& source : trade_sources) row.trade_sources += (row.trade_sources.empty() ? "" : ";") + source;
  if (auto gdp = model.gdp.find(sheet.year); gdp != model.gdp.end()) row.gdp = gdp->second.value_usd;
  if (with_formats && sheet.relations.has_formats) {
    const auto& relations = sheet.relations;
    for (const auto& direction : model.directions) {
      int formats = 0, security = 0, excluding = 0;
      for (const auto& entry : relations.direction_formats)
        if (entry.direction == direction.id) formats = entry.formats, security = entry.security_formats;
      for (const auto& entry : relations.formats)
        excluding += static_cast<int>(std::count(entry.excludes.begin(), entry.excludes.end(), direction.id));
      row.formats.push_back(formats);
      row.security_formats.push_back(security);
      row.security_excluding.push_back(excluding);
    }
  }
  return row;
}

}  // namespace

Atlas::Atlas(AtlasInputs inputs) : inputs_(std::move(inputs)) {
  const Model set = inputs_.direction_set ? *inputs_.direction_set : default_directions_for("");
  for (const auto& direction : set.directions) direction_ids_.push_back(direction.id);
  std::set<std::string> countries;
  if (inputs_.trade)
    for (auto& iso3 : inputs_.trade->countries()) countries.insert(iso3);
  if (inputs_.dots)
    for (auto& iso3 : inputs_.dots->countries()) countries.insert(iso3);
  if (inputs_.votes)
    for (auto& iso3 : inputs_.votes->countries()) countries.insert(iso3);
  // GDP, arms and formats add to the countries of trade and votes; they add no country.
  if (inputs_.igo) unmatched_ = inputs_.igo->unmatched_members();  // the same for every focal
  countries.erase(kWorldCode);
  countries.erase(kUnknownCode);
  countries_.assign(countries.begin(), countries.end());
}

Model Atlas::directions_for(const std::string& focal) const {
  Model set = *inputs_.direction_set;
  for (auto& bloc : set.blocs) remove_member(bloc.members, focal);
  for (auto& direction : set.directions) remove_member(direction.members, focal);
  return set;
}

std::vector<AtlasRow> Atlas::rows_for(size_t index) {
  ImportRequest request;
  request.kind = "atlas";
  request.files = inputs_.files;
  request.focal = countries_.at(index);
  ImportResult merged;
  if (inputs_.trade) {
    merged = inputs_.trade->result_for(request);
    for (const auto& [label, rows] : merged.unmatched) unmatched_[label] += rows;  // each dyad side once
  }
  if (inputs_.dots) {  // IMF before COW in the years both cover (data/TradeSplice.h)
    ImportResult dots = inputs_.dots->result_for(request);
    for (const auto& [label, rows] : dots.unmatched) unmatched_[label] += rows;  // the focal's own rows only
    merge_ties(merged.ties, dots.ties);
    if (merged.domains.empty()) merged.domains = dots.domains;  // the same trade domains as COW's
    merged.sources.insert(merged.sources.end(), dots.sources.begin(), dots.sources.end());
  }
  ImportResult gdp;  // set after the model is assembled: GDP adds no year to a country's rows
  if (inputs_.gdp) gdp = inputs_.gdp->result_for(request);
  if (inputs_.votes) {
    ImportResult votes = inputs_.votes->result_for(request);
    for (const auto& [label, rows] : votes.unmatched) unmatched_[label] = rows;  // the same for every focal
    merged.relations.alignment = std::move(votes.relations.alignment);
    merged.sources.insert(merged.sources.end(), votes.sources.begin(), votes.sources.end());
  }
  if (inputs_.arms) {
    ImportResult arms = inputs_.arms->result_for(request);
    for (const auto& [label, rows] : arms.unmatched) unmatched_[label] += rows;  // each row has one recipient
    merged.domains.insert(merged.domains.end(), arms.domains.begin(), arms.domains.end());
    merged.ties.insert(merged.ties.end(), arms.ties.begin(), arms.ties.end());
    merged.sources.insert(merged.sources.end(), arms.sources.begin(), arms.sources.end());
  }
  if (inputs_.igo && inputs_.igo->has_state(request.focal)) {
    ImportResult igo = inputs_.igo->result_for(request);
    merged.relations.formats = std::move(igo.relations.formats);
    merged.sources.insert(merged.sources.end(), igo.sources.begin(), igo.sources.end());
  }
  if (merged.ties.empty() && merged.relations.empty()) return {};
  Model model = assemble_model(std::nullopt, merged, request);
  for (const auto& [year, observation] : gdp.gdp)
    if (year >= model.first_year && year <= model.last_year) model.gdp[year] = observation;
  if (!model.gdp.empty()) model.sources.insert(model.sources.end(), gdp.sources.begin(), gdp.sources.end());
  if (inputs_.direction_set) {
    Model set = directions_for(request.focal);
    model.blocs = std::move(set.blocs);
    model.directions = std::move(set.directions);
  }
  const BalanceSheet sheet = measure_balance(model);
  std::vector<AtlasRow> rows;
  for (const auto& year : sheet.years) rows.push_back(row_of(model, year, inputs_.igo != nullptr));
  return rows;
}

}  // namespace tengerim
