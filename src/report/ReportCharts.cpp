#include "report/ReportCharts.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "measure/BalanceSheetBuilder.h"
#include "network/MinCostFlow.h"
#include "report/SvgCharts.h"

namespace tengerim {
namespace {

std::set<std::string> tie_sources(const Model& model, std::optional<int> year) {
  std::set<std::string> ids;
  for (const auto& tie : model.ties)
    if (!year || tie.year == *year) ids.insert(tie.source);
  return ids;
}

std::vector<std::string> direction_names(const Model& model) {
  std::vector<std::string> names;
  for (const auto& direction : model.directions) names.push_back(direction.id);
  return names;
}

}  // namespace

int chart_year(const Model& model, const BalanceSheet& sheet, std::optional<int> asked) {
  return asked.value_or(default_sheet_year(model, sheet));
}

Chart shares_chart(const Model& model, const YearSheet& year, const SourceCatalog& catalog) {
  StackedBars data;
  data.stacks = direction_names(model);
  data.stacks.push_back("other");
  data.stacks.push_back("unallocated");
  for (const auto& domain : year.domains) {
    data.bars.push_back(domain.id);
    std::vector<double> values;
    for (const auto& entry : domain.directions) values.push_back(entry.share * 100);
    values.push_back(domain.other_share * 100);
    values.push_back(std::max(0.0, 1 - domain.allocated) * 100);
    data.values.push_back(values);
  }
  ChartText text{fmt::format("Direction shares by domain, {}", year.year), "domain",
                 "share of the domain's flow, %"};
  return {"shares", stacked_bar_chart(text, data), catalog.cite(tie_sources(model, year.year)),
          "Each bar is one domain's flow in the year; stacks are the directions' shares."};
}

Chart role_map(const Model& model, const YearSheet& year, const SourceCatalog& catalog) {
  RoleMap data;
  data.directions = direction_names(model);
  for (const auto& domain : year.domains) {
    data.domains.push_back(domain.id);
    std::vector<double> shares;
    int leader = -1;
    for (size_t c = 0; c < domain.directions.size(); ++c) {
      shares.push_back(domain.directions[c].share);
      if (domain.directions[c].direction == domain.leader) leader = static_cast<int>(c);
    }
    data.share.push_back(shares);
    data.leader.push_back(leader);
    data.lead_margin.push_back(domain.lead_margin);
  }
  ChartText text{fmt::format("Role map, {}: which direction leads each domain", year.year), "domain", "direction"};
  return {"roles", role_map_chart(text, data), catalog.cite(tie_sources(model, year.year)),
          "Circle area is the direction's share of the domain (%); the filled circle leads, by the points shown."};
}

Chart series_chart(const Model& model, const BalanceSheet& sheet, const SourceCatalog& catalog,
                   const SheetBands* bands) {
  std::vector<double> x;
  LineSeries balance{"balance B", {}, {}, {}}, separation{"separation Φ", {}, {}, {}},
      leverage{"max leverage", {}, {}, {}};
  auto add_band = [&](LineSeries& line, const std::optional<Band>& band) {
    line.low.push_back(band ? band->p05 : kNoValue);
    line.high.push_back(band ? band->p95 : kNoValue);
  };
  for (const auto& year : sheet.years) {
    x.push_back(year.year);
    balance.y.push_back(year.balance.value_or(kNoValue));
    separation.y.push_back(year.separation.value_or(kNoValue));
    leverage.y.push_back(year.max_leverage.value_or(kNoValue));
    if (!bands) continue;
    const YearBands* found = bands->find_year(year.year);
    add_band(balance, found ? found->balance : std::nullopt);
    add_band(separation, found ? found->separation : std::nullopt);
    add_band(leverage, found ? found->max_leverage : std::nullopt);
  }
  ChartText text{"Balance, separation and maximum leverage over the years", "year", "index (0 to 1, unitless)"};
  std::vector<std::string> notes = catalog.cite(tie_sources(model, {}));
  if (bands)
    notes.push_back(fmt::format("Bands: 5-95 % over {} Latin-hypercube draws of every judgement, seed {}",
                                bands->draws, bands->seed));
  return {"series", line_chart(text, x, {balance, separation, leverage}, 0, 1), notes,
          "Published years only (the coverage rule, docs/measures.md): each on the fixed basket, gaps filled as each "
          "domain declares; shaded: the 5-95 % band over the sensitivity draws that publish the year."};
}

Chart attribution_chart(const SheetAttribution& attribution) {
  const FigureAttribution& balance = attribution.balance;
  Waterfall data{std::to_string(attribution.from_year), std::to_string(attribution.to_year), balance.from, {}, {}};
  for (const auto& part : balance.parts) {
    data.steps.push_back(std::string(to_string(part.kind)) + " " + part.domain);
    data.values.push_back(part.value);
  }
  ChartText text{fmt::format("What moved B from {} to {}", attribution.from_year, attribution.to_year),
                 "factor (basket, share or weight of a domain)", "balance B (0 to 1, unitless)"};
  return {"explain", waterfall_chart(text, data),
          {"Shapley decomposition of the change over the factors that differ between the two years (docs/measures.md)"},
          "Each step is a factor's Shapley value: its average effect on B over every order of applying the factors; "
          "the steps sum exactly to the change."};
}

std::optional<Chart> alignment_chart(const Model& model, const BalanceSheet& sheet, const SourceCatalog& catalog) {
  std::vector<double> x;
  std::vector<LineSeries> series;
  for (const auto& direction : model.directions) series.push_back({direction.id, {}, {}, {}});
  bool any = false;
  for (const auto& year : sheet.years) {
    x.push_back(year.year);
    for (size_t c = 0; c < series.size(); ++c) {
      double value = kNoValue;
      if (year.relations.has_alignment)
        for (const auto& entry : year.relations.direction_alignment)
          if (entry.direction == series[c].name && entry.agreement) value = *entry.agreement * 100;
      any = any || !std::isnan(value);
      series[c].y.push_back(value);
    }
  }
  if (!any) return std::nullopt;
  std::set<std::string> ids;
  for (const auto& row : model.relations.alignment) ids.insert(row.source);
  ChartText text{"Alignment in UN General Assembly votes over the years", "year", "agreement with the direction, %"};
  return Chart{"alignment", line_chart(text, x, series, 0, 100), catalog.cite(ids),
               "Vote-weighted agreement of the focal state's votes with each direction's members (yes 1, abstain 0.5, "
               "no 0)."};
}

Chart loss_chart(const RiskResult& result, const std::string& scenario, const RiskOptions& options) {
  std::vector<Quantile> quantiles;
  std::vector<Marker> markers;
  for (double level : distribution_grid_levels())
    for (const auto& tail : result.summary.tails)
      if (tail.level == level) quantiles.push_back({level, tail.var});
  for (double level : {0.95, 0.99})
    for (const auto& tail : result.summary.tails)
      if (tail.level == level) {
        markers.push_back({fmt::format("VaR {:g}%", level * 100), tail.var});
        markers.push_back({fmt::format("CVaR {:g}%", level * 100), tail.cvar});
      }
  ChartText text{fmt::format("Loss distribution, scenario {} ({} draws)", scenario, options.draws),
                 "loss x (weighted share of a year's ties lost, 0 to 1)", "draws with loss above x, %"};
  return {"loss", exceedance_chart(text, quantiles, markers),
          {fmt::format("Scenario '{}': shock probabilities, severities and factor loadings are labelled judgements "
                       "with ranges (data/scenarios/{}.toml); exposures from the balance sheet's sources",
                       scenario, scenario),
           fmt::format("Monte Carlo: {} draws, seed {}", options.draws, options.seed)},
          "The curve is the share of simulated years whose loss exceeds x; dashed lines mark VaR and CVaR."};
}

Chart corridor_chart(const CorridorNetwork& network, const FlowSolution& flows,
                     const std::vector<double>& capacity_factor, const std::string& panel,
                     const std::string& scenario, const SourceCatalog& catalog) {
  CorridorMap data;
  std::vector<long> index(network.nodes.size(), -1);
  for (size_t n = 0; n < network.nodes.size(); ++n) {
    const auto& node = network.nodes[n];
    if (node.lat == 0 && node.lon == 0) continue;  // market nodes have no place
    index[n] = static_cast<long>(data.nodes.size());
    data.nodes.push_back({node.id, node.name, node.lat, node.lon});
  }
  auto node_index = [&](const std::string& id) {
    for (size_t n = 0; n < network.nodes.size(); ++n)
      if (network.nodes[n].id == id) return index[n];
    return -1L;
  };
  std::set<std::string> ids{"judgement"};
  for (const auto& commodity : network.commodities) data.commodities.push_back(commodity.id);
  data.max_flow = 0;
  for (size_t e = 0; e < network.edges.size(); ++e) {
    const auto& edge = network.edges[e];
    ids.insert(edge.source);
    if (std::find(data.commodities.begin(), data.commodities.end(), edge.commodity) == data.commodities.end())
      data.commodities.push_back(edge.commodity);
    long from = node_index(edge.from), to = node_index(edge.to);
    if (from < 0 || to < 0) continue;
    double flow = e < flows.edge_flow.size() ? flows.edge_flow[e] : 0;
    data.max_flow = std::max(data.max_flow, edge.capacity);
    data.links.push_back({static_cast<size_t>(from), static_cast<size_t>(to), edge.commodity, edge.unit,
                          edge.capacity, flow, e < capacity_factor.size() ? capacity_factor[e] : 1.0});
  }
  for (const auto& demand : network.demands) ids.insert(demand.source);
  std::string stranded;
  for (const auto& market : market_flows(network, flows))
    if (market.stranded > 1e-9) {
      const auto* commodity = network.find_commodity(market.commodity);
      stranded += fmt::format("{}{} {:.2f} {} to {}", stranded.empty() ? "" : "; ", market.commodity, market.stranded,
                              commodity ? commodity->unit : "", market.market);
    }
  ChartText text{panel == "baseline" ? std::string("Corridor flows, baseline")
                                     : fmt::format("Corridor flows, shocked: scenario {}", scenario),
                 "longitude, degrees east", "latitude, degrees north"};
  return {"map-" + panel, corridor_map_chart(text, data), catalog.cite(ids),
          "Line width grows with the yearly flow (in the commodity's unit, e.g. Mt/yr; hover for figures). Stranded: " +
              (stranded.empty() ? std::string("none") : stranded) + "."};
}

}  // namespace tengerim
