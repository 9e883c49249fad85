#include "report/JsonReport.h"

#include "measure/SheetSize.h"

namespace tengerim {
namespace {

nlohmann::ordered_json optional_number(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

template <typename T>
nlohmann::ordered_json optional_value(const std::optional<T>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

nlohmann::ordered_json domain_json(const DomainSheet& domain, const Model& model) {
  nlohmann::ordered_json out;
  out["id"] = domain.id;
  out["unit"] = domain.unit;
  out["basis"] = to_string(domain.basis);
  if (domain.basis == Basis::Carried || domain.basis == Basis::Interpolated) out["age"] = domain.age;
  if (domain.basis == Basis::Window) out["window"] = domain.window;
  out["observed_years"] = domain.observed_years;
  out["sources"] = domain.sources;
  // The data's as-of date: the publication year of each source behind the figure.
  auto& vintages = out["vintages"] = nlohmann::ordered_json::object();
  for (const auto& id : domain.sources)
    for (const auto& source : model.sources)
      if (source.id == id) vintages[id] = source.year;
  out["declared_weight"] = domain.declared_weight;
  out["weight"] = domain.weight;
  out["total"] = domain.total;
  out["allocated"] = domain.allocated;
  out["partners"] = domain.partners;
  out["hhi"] = domain.hhi;
  out["effective_partners"] = domain.effective_partners;
  out["entropy"] = domain.entropy;
  out["exp_entropy"] = domain.exp_entropy;
  out["theil"] = domain.theil;
  out["direction_evenness"] = domain.evenness;
  out["leader"] = domain.leader.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(domain.leader);
  out["lead_margin"] = domain.lead_margin;
  auto& directions = out["directions"] = nlohmann::ordered_json::array();
  for (const auto& entry : domain.directions)
    directions.push_back({{"id", entry.direction},
                          {"share", entry.share},
                          {"substitutability", entry.substitutability},
                          {"critical", entry.critical}});
  out["other_share"] = domain.other_share;
  out["other"] = {{"partner", domain.other_partner.empty() ? nlohmann::ordered_json(nullptr)
                                                          : nlohmann::ordered_json(domain.other_partner)},
                  {"share", domain.other.share},
                  {"substitutability", domain.other.substitutability},
                  {"critical", domain.other.critical}};
  auto& partners = out["top_partners"] = nlohmann::ordered_json::array();
  for (size_t i = 0; i < domain.partners_by_share.size() && i < 10; ++i) {
    const auto& partner = domain.partners_by_share[i];
    partners.push_back({{"partner", partner.partner},
                        {"direction", partner.direction.empty() ? "other" : partner.direction},
                        {"value", partner.value},
                        {"share", partner.share}});
  }
  return out;
}

void relations_json(const RelationsSheet& relations, nlohmann::ordered_json& out) {
  if (relations.has_alignment) {
    auto& partners = out["alignment"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.alignment)
      partners.push_back({{"partner", entry.partner},
                          {"direction", entry.direction.empty() ? "other" : entry.direction},
                          {"agreement", entry.agreement},
                          {"votes", entry.votes}});
    auto& directions = out["direction_alignment"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.direction_alignment)
      directions.push_back({{"direction", entry.direction},
                            {"agreement", optional_number(entry.agreement)},
                            {"votes", entry.votes}});
    out["equidistance"] = optional_number(relations.equidistance);
  }
  if (relations.has_formats) {
    auto& formats = out["formats"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.formats)
      formats.push_back({{"format", entry.format},
                         {"name", entry.name},
                         {"kind", entry.kind},
                         {"directions", entry.directions_present},
                         {"excludes", entry.excludes}});
    auto& by_direction = out["direction_formats"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.direction_formats)
      by_direction.push_back(
          {{"direction", entry.direction}, {"formats", entry.formats}, {"security_formats", entry.security_formats}});
  }
  if (relations.has_alliances) {
    auto& alliances = out["alliances"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.direction_alliances)
      alliances.push_back({{"direction", entry.direction},
                           {"partners_with_pledge", entry.partners_with_pledge},
                           {"defense", entry.defense},
                           {"nonaggression", entry.nonaggression},
                           {"consultation", entry.consultation}});
  }
  if (relations.has_channels) {
    auto& channels = out["channels"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.channels)
      channels.push_back({{"direction", entry.direction},
                          {"events", entry.events},
                          {"goldstein", entry.goldstein},
                          {"activity", entry.activity},
                          {"closed", entry.closed}});
  }  if (relations.has_ideal_points) {
    out["ideal_point"] = optional_number(relations.ideal_point);
    auto& partners = out["ideal_points"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.ideal_points)
      partners.push_back({{"partner", entry.partner},
                          {"direction", entry.direction.empty() ? "other" : entry.direction},
                          {"distance", optional_number(entry.distance)},
                          {"agreement", optional_number(entry.agreement)}});
    auto& directions = out["direction_ideal_points"] = nlohmann::ordered_json::array();
    for (const auto& entry : relations.direction_ideal_points)
      directions.push_back({{"direction", entry.direction},
                            {"centre", optional_number(entry.centre)},
                            {"distance", optional_number(entry.distance)},
                            {"members", entry.members}});
  }
}

nlohmann::ordered_json band_json(const std::optional<Band>& band) {
  if (!band) return nullptr;
  return {{"p05", band->p05}, {"p50", band->p50}, {"p95", band->p95}};
}

nlohmann::ordered_json named_bands_json(const std::vector<NamedBand>& bands) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const auto& entry : bands) out[entry.name] = band_json(entry.band);
  return out;
}

nlohmann::ordered_json robustness_json(const std::vector<Robustness>& entries) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& entry : entries)
    out.push_back({{"domain", entry.domain}, {"direction", entry.direction}, {"share", entry.share}});
  return out;
}

}  // namespace

nlohmann::ordered_json year_bands_json(const YearBands& bands) {
  nlohmann::ordered_json out;
  out["published_share"] = bands.published_share;
  out["published_draws"] = bands.published_draws;
  out["balance"] = band_json(bands.balance);
  out["separation"] = band_json(bands.separation);
  out["predictability"] = band_json(bands.predictability);
  out["max_dependence"] = band_json(bands.max_dependence);
  out["max_leverage"] = band_json(bands.max_leverage);
  out["leverage_gap"] = band_json(bands.leverage_gap);
  out["dependence"] = named_bands_json(bands.dependence);
  out["leverage"] = named_bands_json(bands.leverage);
  out["critical"] = robustness_json(bands.critical);
  out["leads"] = robustness_json(bands.leads);
  return out;
}

// Partners also name their direction ("other" when in none).
nlohmann::ordered_json bandwidths_json(const std::vector<Bandwidth>& entries, bool partners = false) {
  auto out = nlohmann::ordered_json::array();
  for (const auto& entry : entries) {
    nlohmann::ordered_json item{{"id", entry.id}};
    if (partners) item["direction"] = entry.direction.empty() ? "other" : entry.direction;
    item["usd"] = entry.usd;
    item["gdp_share"] = optional_number(entry.gdp_share);
    out.push_back(std::move(item));
  }
  return out;
}

// Bandwidth (measure/SheetSize.h): the money domains' flows in US dollars and as shares of GDP.
nlohmann::ordered_json size_json(const YearSize& size) {
  nlohmann::ordered_json out;
  out["gdp_usd"] = optional_number(size.gdp_usd);
  out["gdp_year"] = size.gdp_usd ? nlohmann::ordered_json(size.gdp_year) : nlohmann::ordered_json(nullptr);
  out["note"] = size.note;
  out["not_in_money"] = size.not_in_money;
  auto& domains = out["domains"] = nlohmann::ordered_json::array();
  for (const auto& domain : size.domains)
    domains.push_back({{"id", domain.id},
                       {"usd", domain.usd},
                       {"gdp_share", optional_number(domain.gdp_share)},
                       {"directions", bandwidths_json(domain.directions)},
                       {"partners", bandwidths_json(domain.partners, true)}});
  return out;
}

nlohmann::ordered_json year_json(const YearSheet& year, const Model& model) {
  nlohmann::ordered_json out;
  out["year"] = year.year;
  out["coverage"] = year.coverage;
  out["published"] = year.published;
  if (!year.published) out["unpublished_reason"] = year.unpublished_reason.empty() ? "no ties" : year.unpublished_reason;
  out["missing_domains"] = year.missing_domains;
  auto& domains = out["domains"] = nlohmann::ordered_json::array();
  for (const auto& domain : year.domains) domains.push_back(domain_json(domain, model));
  auto& directions = out["directions"] = nlohmann::ordered_json::array();
  for (const auto& direction : year.directions)
    directions.push_back({{"id", direction.id},
                          {"dependence", direction.dependence},
                          {"leverage", direction.leverage},
                          {"leads", direction.leads},
                          {"led_weight", direction.led_weight}});
  out["outside_dependence"] = year.outside_dependence;
  out["balance"] = optional_value(year.balance);
  out["leverage_gap"] = optional_value(year.leverage_gap);
  out["separation"] = optional_value(year.separation);
  out["predictability"] = optional_value(year.predictability);
  out["max_dependence"] = optional_value(year.max_dependence);
  out["max_leverage"] = optional_value(year.max_leverage);
  out["dependence_evenness"] = optional_value(year.dependence_evenness);
  out["critical_pairs"] = optional_value(year.critical_pairs);
  if (year.has_ties()) out["size"] = size_json(measure_size(model, year));
  relations_json(year.relations, out);
  if (!year.products.empty()) {
    auto& products = out["products"] = nlohmann::ordered_json::array();
    for (const auto& verdict : year.products) {
      nlohmann::ordered_json entry{{"product", verdict.product},
                                   {"strategic_dependence", verdict.strategic_dependence},
                                   {"years_met", verdict.years_met}};
      auto& tests = entry["years"] = nlohmann::ordered_json::array();
      for (const auto& test : verdict.years)
        tests.push_back({{"year", test.year},
                         {"hhi", test.hhi},
                         {"import_dependence", test.import_dependence},
                         {"substitutability_ratio", test.substitutability_ratio},
                         {"all_criteria_met", test.all_met()}});
      products.push_back(std::move(entry));
    }
  }
  return out;
}

nlohmann::ordered_json balance_sheet_json(const Model& model, const BalanceSheet& sheet,
                                          std::optional<int> year, const SheetBands* bands) {
  nlohmann::ordered_json out;
  out["focal"] = sheet.focal;
  out["name"] = sheet.name;
  out["model"] = sheet.origin;
  out["basis"] = sheet.basis;
  out["weights"] = sheet.weights;
  const YearSheet* latest = sheet.latest_published();
  out["latest_published_year"] = latest ? nlohmann::ordered_json(latest->year) : nlohmann::ordered_json(nullptr);
  auto& parameters = out["parameters"] = nlohmann::ordered_json::object();
  for (const auto& [key, value] : model.parameters.values()) parameters[key] = value;
  if (bands)
    out["sensitivity"] = {{"draws", bands->draws}, {"seed", bands->seed}, {"varied", bands->varied}};
  auto& years = out["years"] = nlohmann::ordered_json::array();
  for (const auto& entry : sheet.years) {
    if (year && entry.year != *year) continue;
    years.push_back(year_json(entry, model));
    if (!bands) continue;
    const YearBands* found = bands->find_year(entry.year);
    years.back()["bands"] = found ? year_bands_json(*found) : nlohmann::ordered_json(nullptr);
  }
  auto& sources = out["sources"] = nlohmann::ordered_json::object();
  for (const auto& source : model.sources)
    sources[source.id] = {{"publisher", source.publisher},
                          {"title", source.title},
                          {"year", source.year},
                          {"address", source.address}};
  return out;
}

}  // namespace tengerim
