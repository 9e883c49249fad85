#include "serve/ApiService.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>

#include "common/Error.h"
#include "measure/BalanceSheetBuilder.h"
#include "model/CorridorReader.h"
#include "model/ModelReader.h"
#include "model/PolicyReader.h"
#include "model/PressureReader.h"
#include "policy/PolicySimulation.h"
#include "report/JsonReport.h"
#include "report/ReportCharts.h"
#include "report/RiskJson.h"
#include "report/ShockJson.h"
#include "report/SimulateJson.h"
#include "risk/LossModel.h"
#include "risk/MonteCarlo.h"
#include "risk/ScenarioReader.h"
#include "serve/RequestError.h"
#include "serve/ScenarioRequest.h"

namespace tengerim {
namespace {

using Clock = std::chrono::steady_clock;

struct TimeLimit {};  // thrown from the Monte Carlo progress callback past the deadline

nlohmann::json chart_json(const Chart& chart) {
  return {{"svg", chart.svg}, {"sources", chart.sources}, {"note", chart.note}};
}

nlohmann::json parse_body(const std::string& body) {
  if (body.empty()) return nlohmann::json::object();
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    throw RequestError(400, "invalid_json", std::string("the body is not valid JSON: ") + error.what());
  }
  if (!json.is_object()) throw RequestError(400, "invalid_json", "the body must be a JSON object");
  return json;
}

// A member of the body, of the type asked, or `fallback` when absent.
template <typename T>
T member(const nlohmann::json& body, const char* key, T fallback) {
  if (!body.contains(key) || body[key].is_null()) return fallback;
  try {
    return body[key].get<T>();
  } catch (const nlohmann::json::exception&) {
    reject(fmt::format("{}: {} has the wrong type", key, body[key].dump()));
  }
}

// Multiplies `partner`'s flows in `domain` by `factor`, and the domain's world
// total (when given) by the same amount, so the rest stays as it was.
void scale_partner(Model& model, const nlohmann::json& entry, size_t index) {
  std::string where = fmt::format("scale[{}]", index);
  if (!entry.is_object()) reject(where + ": expected {\"domain\", \"partner\", \"factor\"}");
  auto domain = member<std::string>(entry, "domain", ""), partner = member<std::string>(entry, "partner", "");
  double factor = member<double>(entry, "factor", 1.0);
  if (!model.find_domain(domain)) reject(fmt::format("{}.domain: unknown domain '{}'", where, domain));
  if (!(factor >= 0 && factor <= 10)) reject(fmt::format("{}.factor: {} must be in [0, 10]", where, factor));
  if (partner == kWorldCode) reject(where + ".partner: the world total cannot be scaled");
  std::map<int, double> change;  // year -> change of the partner's value
  for (auto& tie : model.ties)
    if (tie.domain == domain && tie.partner == partner) {
      change[tie.year] += tie.value * (factor - 1);
      tie.value *= factor;
    }
  if (change.empty()) reject(fmt::format("{}.partner: '{}' has no flows in domain '{}'", where, partner, domain));
  for (auto& tie : model.ties)
    if (tie.domain == domain && tie.partner == kWorldCode && change.count(tie.year))
      tie.value = std::max(0.0, tie.value + change[tie.year]);
}

std::optional<int> parse_year(const std::string& text, const Model& model) {
  if (text.empty()) return std::nullopt;
  int year = 0;
  auto [end, code] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (code != std::errc() || end != text.data() + text.size())
    throw RequestError(400, "invalid_query", fmt::format("year: '{}' is not an integer", text));
  if (year < model.first_year || year > model.last_year)
    reject(fmt::format("year: {} is outside the model's years [{}, {}]", year, model.first_year, model.last_year));
  return year;
}

void add_sheet_charts(nlohmann::ordered_json& out, const Model& model, const BalanceSheet& sheet, int year,
                      const SourceCatalog& catalog) {
  auto& charts = out["charts"] = nlohmann::ordered_json::object();
  if (const YearSheet* entry = sheet.find_year(year); entry && entry->has_ties()) {
    charts["shares"] = chart_json(shares_chart(model, *entry, catalog));
    charts["roles"] = chart_json(role_map(model, *entry, catalog));
  }
  charts["series"] = chart_json(series_chart(model, sheet, catalog));
  if (auto chart = alignment_chart(model, sheet, catalog)) charts["alignment"] = chart_json(*chart);
}

}  // namespace

ApiService::ApiService(const ModelSource& source, const ServeOptions& options)
    : source_(source),
      options_(options),
      model_(read_model(source)),
      network_(read_corridor_network(source, model_)),
      sheet_(measure_balance(model_)),
      catalog_(source, model_) {
  // The plain report is the same for every request: render it once.
  report_cache_[""] = balance_sheet_json(model_, sheet_, std::nullopt).dump();
  for (const auto& year : sheet_.years)
    report_cache_[std::to_string(year.year)] = balance_sheet_json(model_, sheet_, year.year).dump();
}

ApiResponse ApiService::error(int status, const std::string& kind, const std::string& message) {
  return {status, nlohmann::json{{"error", {{"kind", kind}, {"message", message}}}}.dump()};
}

template <typename Handler>
ApiResponse ApiService::guarded(Handler&& handler) const {
  try {
    return handler();
  } catch (const RequestError& error) {
    return ApiService::error(error.status(), error.kind(), error.what());
  } catch (const TimeLimit&) {
    return ApiService::error(503, "time_limit",
                             fmt::format("the request needs more than the server's limit of {} ms (--timeout-ms); "
                                         "ask for fewer draws",
                                         options_.timeout_ms));
  } catch (const Error& error) {
    if (error.kind() == ErrorKind::Internal) return ApiService::error(500, "internal", error.what());
    return ApiService::error(422, error.kind() == ErrorKind::Io ? "io" : "invalid_input", error.what());
  } catch (const std::exception& error) {
    return ApiService::error(500, "internal", error.what());
  }
}

template <typename Compute>
ApiResponse ApiService::cached(const std::string& key, Compute&& compute) const {
  {
    std::lock_guard lock(cache_mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) return {200, found->second};
  }
  ApiResponse response = compute();
  if (response.status != 200) return response;
  std::lock_guard lock(cache_mutex_);
  if (cache_.emplace(key, response.body).second) {
    cache_order_.push_back(key);
    if (cache_order_.size() > kCacheEntries) {
      cache_.erase(cache_order_.front());
      cache_order_.pop_front();
    }
  }
  return response;
}

ApiResponse ApiService::meta() const {
  return guarded([&] {
    nlohmann::ordered_json out;
    out["model"] = model_.origin;
    out["name"] = model_.name;
    out["focal"] = model_.focal;
    out["default_year"] = chart_year(model_, sheet_, std::nullopt);
    out["years"] = nlohmann::json::array();
    for (const auto& year : sheet_.years)
      if (year.has_ties()) out["years"].push_back(year.year);
    out["scenarios"] = network_.empty() ? std::vector<std::string>{} : builtin_scenario_names();
    out["max_draws"] = options_.max_draws;
    // Partners of each domain with their latest flow, largest first: the what-if control's choices.
    auto& domains = out["domains"] = nlohmann::ordered_json::array();
    for (const auto& domain : model_.domains) {
      std::map<std::string, double> latest;
      std::map<std::string, int> latest_year;
      for (const auto& tie : model_.ties)
        if (tie.domain == domain.id && tie.partner != kWorldCode && tie.year >= latest_year[tie.partner]) {
          latest_year[tie.partner] = tie.year;
          latest[tie.partner] = tie.value;
        }
      std::vector<std::pair<std::string, double>> partners(latest.begin(), latest.end());
      std::stable_sort(partners.begin(), partners.end(), [](auto& a, auto& b) { return a.second > b.second; });
      std::vector<std::string> ids;
      for (size_t i = 0; i < partners.size() && i < 15; ++i) ids.push_back(partners[i].first);
      if (!ids.empty()) domains.push_back({{"id", domain.id}, {"unit", domain.unit}, {"partners", ids}});
    }
    auto& edges = out["edges"] = nlohmann::ordered_json::array();
    for (const auto& edge : network_.edges) edges.push_back({{"id", edge.id}, {"label", edge.label()}});
    return ApiResponse{200, out.dump()};
  });
}

ApiResponse ApiService::report(const std::string& year, bool charts) const {
  return guarded([&] {
    std::optional<int> asked = parse_year(year, model_);
    if (!charts) return ApiResponse{200, report_cache_.at(year.empty() ? "" : std::to_string(*asked))};
    auto out = balance_sheet_json(model_, sheet_, asked);
    add_sheet_charts(out, model_, sheet_, chart_year(model_, sheet_, asked), catalog_);
    return ApiResponse{200, out.dump()};
  });
}

ApiResponse ApiService::what_if(const std::string& body) const {
  return guarded([&] { return cached("what_if " + parse_body(body).dump(), [&] { return compute_what_if(body); }); });
}

ApiResponse ApiService::compute_what_if(const std::string& body) const {
  return guarded([&] {
    nlohmann::json request = parse_body(body);
    std::optional<int> year;
    if (request.contains("year") && !request["year"].is_null()) {
      if (!request["year"].is_number_integer()) reject("year: expected an integer");
      year = parse_year(std::to_string(request["year"].get<long>()), model_);
    }
    Model changed = model_;
    if (request.contains("scale")) {
      if (!request["scale"].is_array()) reject("scale: expected an array of {\"domain\", \"partner\", \"factor\"}");
      for (size_t i = 0; i < request["scale"].size(); ++i) scale_partner(changed, request["scale"][i], i);
    }
    BalanceSheet sheet = measure_balance(changed);
    auto out = balance_sheet_json(changed, sheet, year);
    if (member<bool>(request, "charts", false))
      add_sheet_charts(out, changed, sheet, chart_year(changed, sheet, year), catalog_);
    return ApiResponse{200, out.dump()};
  });
}

ApiResponse ApiService::shock(const std::string& body) const {
  return guarded([&] { return cached("shock " + parse_body(body).dump(), [&] { return compute_shock(body); }); });
}

ApiResponse ApiService::compute_shock(const std::string& body) const {
  return guarded([&] {
    const auto start = Clock::now();
    nlohmann::json request = parse_body(body);
    Scenario scenario = scenario_from_request(request, source_, model_, network_, false);
    LossModel losses(model_, sheet_, network_, scenario);
    ScenarioOutcome outcome = losses.evaluate();
    if (Clock::now() - start > std::chrono::milliseconds(options_.timeout_ms)) throw TimeLimit{};
    nlohmann::json out = shock_json(model_, network_, scenario, losses, outcome);
    if (member<bool>(request, "charts", false)) {
      out["charts"]["map-baseline"] =
          chart_json(corridor_chart(network_, outcome.baseline, {}, "baseline", scenario.name, catalog_));
      out["charts"]["map-shocked"] = chart_json(
          corridor_chart(network_, outcome.shocked, outcome.capacity_factor, "shocked", scenario.name, catalog_));
    }
    return ApiResponse{200, out.dump()};
  });
}

ApiResponse ApiService::risk(const std::string& body) const {
  return guarded([&] { return cached("risk " + parse_body(body).dump(), [&] { return compute_risk(body); }); });
}

ApiResponse ApiService::compute_risk(const std::string& body) const {
  return guarded([&] {
    const auto deadline = Clock::now() + std::chrono::milliseconds(options_.timeout_ms);
    nlohmann::json request = parse_body(body);
    RiskOptions options;
    long draws = member<long>(request, "draws", std::min(20000L, options_.max_draws));
    if (draws <= 0) reject(fmt::format("draws: {} must be a positive integer", draws));
    if (draws > options_.max_draws)
      reject(fmt::format("draws: {} is above the server's limit of {} (--max-draws)", draws, options_.max_draws));
    options.draws = static_cast<size_t>(draws);
    options.seed = member<uint64_t>(request, "seed", options.seed);
    options.levels = member<std::vector<double>>(request, "levels", options.levels);
    if (options.levels.empty() || options.levels.size() > 20) reject("levels: give 1 to 20 levels");
    for (double level : options.levels)
      if (!(level > 0 && level < 1)) reject(fmt::format("levels: {} must be in (0, 1)", level));
    Scenario scenario = scenario_from_request(request, source_, model_, network_, true);
    LossModel losses(model_, sheet_, network_, scenario);
    // One run serves the document (the asked levels) and the chart (its quantile grid).
    RiskOptions run = options;
    for (double level : loss_chart_levels())
      if (std::find(run.levels.begin(), run.levels.end(), level) == run.levels.end()) run.levels.push_back(level);
    RiskResult result = simulate(losses, run, [deadline](size_t, size_t) {
      if (Clock::now() > deadline) throw TimeLimit{};
    });
    RiskResult asked = result;
    asked.summary.tails.resize(options.levels.size());
    nlohmann::json out = risk_json(model_, scenario, options, asked);
    if (member<bool>(request, "charts", false)) out["charts"]["loss"] = chart_json(loss_chart(result, scenario.name, run));
    return ApiResponse{200, out.dump()};
  });
}

ApiResponse ApiService::simulation(const std::string& body) const {
  return guarded([&] { return cached("simulate " + parse_body(body).dump(), [&] { return compute_simulation(body); }); });
}

ApiResponse ApiService::compute_simulation(const std::string& body) const {
  return guarded([&] {
    nlohmann::json request = parse_body(body);
    const auto name = member<std::string>(request, "policy", "balanced");
    // Only built-in policies: a name must never become a path on the server.
    if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") != std::string::npos)
      reject("policy: '" + name + "' is not a built-in policy name");
    const long years = member<long>(request, "years", 10);
    if (years < 1 || years > 50) reject(fmt::format("years: {} must be in [1, 50]", years));
    PressureSpec spec = read_pressure(source_, model_);
    Policy policy = read_policy(name, model_);
    Scenario coupling = read_default_scenario(source_, model_, network_);
    SimulationResult run =
        simulate_policy(model_, sheet_, network_, coupling, spec, policy, static_cast<int>(years));
    return ApiResponse{200, simulate_json(model_, policy, run, nullptr).dump()};
  });
}

}  // namespace tengerim
