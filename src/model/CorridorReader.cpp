#include "model/CorridorReader.h"

#include <set>

#include "common/CsvTable.h"
#include "common/Text.h"
#include "model/CountryTable.h"

namespace tengerim {
namespace {

// The special source id of a row whose figures are all judgements.
constexpr const char* kJudgementSource = "judgement";

std::vector<std::string> split_list(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (char c : text) {
    if (c == separator) parts.emplace_back();
    else parts.back() += c;
  }
  return parts;
}

class CorridorReader {
 public:
  CorridorReader(const ModelSource& source, const Model& model) : source_(source), model_(model) {
    for (const auto& entry : model.sources) sources_.insert(entry.id);
  }

  // corridor_sources.csv holds the sources of the corridor figures, apart from
  // sources.csv, which tools/data/build_kaz_model.py regenerates from ties.csv.
  void read_corridor_sources() {
    if (!source_.read("corridor_sources.csv")) return;
    CsvTable csv = table("corridor_sources.csv");
    csv.require_columns({"id", "publisher", "title", "year", "address"});
    size_t id = csv.require_column("id");
    for (const auto& row : csv.rows()) {
      std::string key = trim(csv.cell(row, id));
      if (key.empty() || !sources_.insert(key).second)
        fail_input(csv.at(row, id), "missing source id, or one already in sources.csv: '" + key + "'");
    }
  }

  CorridorNetwork read() {
    CorridorNetwork network;
    network.origin = source_.label();
    if (!source_.read("nodes.csv")) return network;
    read_corridor_sources();
    network.judgements = read_judgements();
    judgements_ = &network.judgements;
    network.commodities = read_commodities();
    network.nodes = read_nodes();
    network_ = &network;
    network.edges = read_edges();
    network.demands = read_demands();
    return network;
  }

 private:
  CsvTable table(const std::string& name) {
    auto text = source_.read(name);
    if (!text) fail_io(source_.display_name(name), "missing: a model with nodes.csv needs " + name);
    return CsvTable::parse(*text, source_.display_name(name));
  }

  std::string source_id(const CsvTable& csv, const CsvRow& row, size_t column) {
    std::string id = trim(csv.cell(row, column));
    if (id != kJudgementSource && !sources_.count(id))
      fail_input(csv.at(row, column), "source '" + id + "' is not in sources.csv (or write 'judgement')");
    return id;
  }

  // A number, or the id of a row of judgements.csv (its central value).
  double figure(const CsvTable& csv, const CsvRow& row, size_t column) {
    std::string text = trim(csv.cell(row, column));
    if (auto found = judgements_->find(text); found != judgements_->end()) return found->second.value;
    if (!parse_double(text))
      fail_input(csv.at(row, column), "expected a number or the id of a row of judgements.csv, got '" + text + "'");
    return csv.number(row, column);
  }

  std::map<std::string, Judgement> read_judgements() {
    std::map<std::string, Judgement> out;
    if (!source_.read("judgements.csv")) return out;
    CsvTable csv = table("judgements.csv");
    csv.require_columns({"id", "value", "low", "high", "unit", "rationale"});
    size_t id = csv.require_column("id"), value = csv.require_column("value"), low = csv.require_column("low"),
           high = csv.require_column("high"), rationale = csv.require_column("rationale");
    for (const auto& row : csv.rows()) {
      Judgement judgement{csv.number(row, value), csv.number(row, low), csv.number(row, high),
                          trim(csv.cell(row, rationale))};
      if (!(judgement.low <= judgement.value && judgement.value <= judgement.high))
        fail_input(csv.at(row, value), "the range must contain the value (low <= value <= high)");
      if (judgement.rationale.empty()) fail_input(csv.at(row, rationale), "a judgement needs its reason");
      std::string key = trim(csv.cell(row, id));
      if (key.empty() || !out.emplace(key, judgement).second)
        fail_input(csv.at(row, id), "missing or duplicate judgement id '" + key + "'");
    }
    return out;
  }

  std::vector<CorridorCommodity> read_commodities() {
    std::vector<CorridorCommodity> out;
    if (!source_.read("commodities.csv")) return out;
    CsvTable csv = table("commodities.csv");
    csv.require_columns({"id", "name", "unit"}, {"domain", "domain_share"});
    auto domain = csv.find_column("domain"), share = csv.find_column("domain_share");
    for (const auto& row : csv.rows()) {
      CorridorCommodity commodity{trim(row.cells[csv.require_column("id")]), trim(row.cells[csv.require_column("name")]),
                                  trim(row.cells[csv.require_column("unit")]), domain ? trim(row.cells[*domain]) : ""};
      if (!commodity.domain.empty() && !model_.find_domain(commodity.domain))
        fail_input(csv.at(row, *domain), "unknown domain '" + commodity.domain + "' (not in model.toml)");
      if (share && !trim(csv.cell(row, *share)).empty()) {
        if (commodity.domain.empty()) fail_input(csv.at(row, *share), "a domain_share needs a domain");
        commodity.domain_share = figure(csv, row, *share);
        if (!(commodity.domain_share > 0 && commodity.domain_share <= 1))
          fail_input(csv.at(row, *share), "domain_share must lie in (0, 1]");
      }
      out.push_back(commodity);
    }
    return out;
  }

  std::vector<CorridorNode> read_nodes() {
    CsvTable csv = table("nodes.csv");
    csv.require_columns({"id", "name", "country", "lat", "lon", "source"});
    size_t id = csv.require_column("id"), name = csv.require_column("name"), country = csv.require_column("country"),
           lat = csv.require_column("lat"), lon = csv.require_column("lon"), source = csv.require_column("source");
    std::vector<CorridorNode> out;
    std::set<std::string> seen;
    for (const auto& row : csv.rows()) {
      CorridorNode node{trim(csv.cell(row, id)), trim(csv.cell(row, name)), trim(csv.cell(row, country)),
                        csv.number(row, lat), csv.number(row, lon), source_id(csv, row, source), row.line};
      if (node.id.empty() || !seen.insert(node.id).second)
        fail_input(csv.at(row, id), "missing or duplicate node id '" + node.id + "'");
      if (!CountryTable::builtin().contains(node.country))
        fail_input(csv.at(row, country), "unknown country code '" + node.country + "' (expected ISO 3166-1 alpha-3)");
      if (node.lat < -90 || node.lat > 90 || node.lon < -180 || node.lon > 180)
        fail_input(csv.at(row, lat), "latitude must be in [-90, 90] and longitude in [-180, 180]");
      out.push_back(node);
    }
    return out;
  }

  void require_node(const CsvTable& csv, const CsvRow& row, size_t column, const std::string& id) {
    if (!network_->find_node(id)) fail_input(csv.at(row, column), "unknown node '" + id + "' (not in nodes.csv)");
  }

  void require_commodity(const CsvTable& csv, const CsvRow& row, size_t column, const std::string& id) {
    if (id.empty()) fail_input(csv.at(row, column), "missing commodity");
    if (!network_->commodities.empty() && !network_->find_commodity(id))
      fail_input(csv.at(row, column), "unknown commodity '" + id + "' (not in commodities.csv)");
  }

  std::vector<CorridorEdge> read_edges() {
    CsvTable csv = table("edges.csv");
    csv.require_columns({"from", "to", "mode", "commodity", "capacity", "unit", "cost", "controllers", "source"},
                        {"id", "note"});
    const std::optional<size_t> id = csv.find_column("id");
    size_t from = csv.require_column("from"), to = csv.require_column("to"), mode = csv.require_column("mode"),
           commodity = csv.require_column("commodity"), capacity = csv.require_column("capacity"),
           unit = csv.require_column("unit"), cost = csv.require_column("cost"),
           controllers = csv.require_column("controllers"), source = csv.require_column("source");
    static const std::set<std::string> modes{"pipeline", "rail", "road", "sea"};
    std::vector<CorridorEdge> out;
    std::set<std::string> seen, ids;
    for (const auto& row : csv.rows()) {
      CorridorEdge edge;
      edge.from = trim(csv.cell(row, from));
      edge.to = trim(csv.cell(row, to));
      require_node(csv, row, from, edge.from);
      require_node(csv, row, to, edge.to);
      if (edge.from == edge.to) fail_input(csv.at(row, to), "an edge must join two different nodes");
      edge.mode = trim(csv.cell(row, mode));
      if (!modes.count(edge.mode)) fail_input(csv.at(row, mode), "expected pipeline, rail, road or sea");
      edge.commodity = trim(csv.cell(row, commodity));
      require_commodity(csv, row, commodity, edge.commodity);
      edge.capacity = figure(csv, row, capacity);
      if (edge.capacity < 0) fail_input(csv.at(row, capacity), "capacity must be >= 0");
      edge.unit = trim(csv.cell(row, unit));
      edge.cost = figure(csv, row, cost);
      if (edge.cost < 0) fail_input(csv.at(row, cost), "cost per unit must be >= 0");
      for (const auto& code : split_list(csv.cell(row, controllers), ';')) {
        std::string iso3 = trim(code);
        if (iso3.empty()) continue;
        if (!CountryTable::builtin().contains(iso3))
          fail_input(csv.at(row, controllers), "unknown country code '" + iso3 + "' (expected ';'-separated ISO3)");
        edge.controllers.push_back(iso3);
      }
      edge.source = source_id(csv, row, source);
      edge.line = row.line;
      if (!seen.insert(edge.label()).second)
        fail_input(csv.at(row, from), "duplicate edge " + edge.label() + " (merge the capacities)");
      edge.id = id ? trim(csv.cell(row, *id)) : "";
      if (edge.id.empty()) edge.id = edge.from + "->" + edge.to + ":" + edge.commodity;
      if (!ids.insert(edge.id).second)
        fail_input(id ? csv.at(row, *id) : csv.at(row, from), "duplicate edge id '" + edge.id + "'");
      out.push_back(edge);
    }
    return out;
  }

  std::vector<CorridorDemand> read_demands() {
    CsvTable csv = table("demand.csv");
    csv.require_columns({"commodity", "origin", "market", "volume", "source"}, {"note"});
    size_t commodity = csv.require_column("commodity"), origin = csv.require_column("origin"),
           market = csv.require_column("market"), volume = csv.require_column("volume"),
           source = csv.require_column("source");
    std::vector<CorridorDemand> out;
    for (const auto& row : csv.rows()) {
      CorridorDemand demand;
      demand.commodity = trim(csv.cell(row, commodity));
      require_commodity(csv, row, commodity, demand.commodity);
      demand.origin = trim(csv.cell(row, origin));
      demand.market = trim(csv.cell(row, market));
      require_node(csv, row, origin, demand.origin);
      require_node(csv, row, market, demand.market);
      if (demand.origin == demand.market) fail_input(csv.at(row, market), "origin and market must differ");
      demand.volume = figure(csv, row, volume);
      if (demand.volume <= 0) fail_input(csv.at(row, volume), "volume must be > 0");
      demand.source = source_id(csv, row, source);
      demand.line = row.line;
      out.push_back(demand);
    }
    return out;
  }

  const ModelSource& source_;
  const Model& model_;
  std::set<std::string> sources_;
  const std::map<std::string, Judgement>* judgements_ = nullptr;
  const CorridorNetwork* network_ = nullptr;
};

}  // namespace

CorridorNetwork read_corridor_network(const ModelSource& source, const Model& model) {
  return CorridorReader(source, model).read();
}

}  // namespace tengerim
