#include "serve/ApiService.h"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>

#include "common/OptionError.h"
#include "common/Text.h"
#include "measure/BalanceSheetBuilder.h"
#include "report/Document.h"
#include "report/OptionsReport.h"
#include "report/ReportCharts.h"
#include "report/ReportRunJson.h"
#include "report/RiskReport.h"
#include "report/ShockReport.h"
#include "report/SimulateReport.h"
#include "run/ItemReference.h"
#include "run/ReportRun.h"
#include "run/RiskRun.h"
#include "run/ShockRun.h"
#include "run/SimulateRun.h"
#include "serve/JsonLimits.h"
#include "serve/RequestError.h"
#include "serve/ScenarioRequest.h"

namespace tengerim {
namespace {

constexpr double kMaxScaleFactor = 10;  // a what-if may multiply a partner's flows by at most this

Json chart_json(const Chart& chart) { return {{"svg", chart.svg}, {"sources", chart.sources}, {"note", chart.note}}; }

nlohmann::json parse_body(const std::string& body, const JsonLimits& limits) {
  if (body.empty()) return nlohmann::json::object();
  check_json_limits(body, limits);  // before the parser: it and dump() recurse once per level
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception& error) {  // parse_error, and out_of_range for 1e999
    throw RequestError(400, "invalid_json", std::string("the body is not valid JSON: ") + error.what());
  }
  if (!json.is_object()) throw RequestError(400, "invalid_json", "the body must be a JSON object");
  return json;
}

std::vector<std::string> http_fields(const CommandSpec& command) {
  std::vector<std::string> fields;
  for (const auto& key : command.options)
    if (option_spec(key).offered_on(kHttp)) fields.push_back(field_spelling(option_spec(key)));
  return fields;
}

// The run options of `command` from a body's fields; `entries` are the fields that are not
// options (what-if entries), left to the endpoint.
RunOptions body_options(const std::string& command, const nlohmann::json& body,
                        const std::vector<std::string>& entries = {}) {
  const CommandSpec& spec = command_spec(command);
  RunOptions options(spec);
  options.set_text("output.format", "json");  // what the server sends, as the CLI's --format json
  for (const auto& [field, value] : body.items()) {
    if (std::find(entries.begin(), entries.end(), field) != entries.end()) continue;
    const OptionSpec* option = find_command_option(spec, field);
    if (!option || !option->offered_on(kHttp)) {
      std::vector<std::string> known = http_fields(spec);
      known.insert(known.end(), entries.begin(), entries.end());
      reject(fmt::format("{}: unknown field (the fields of {} are {})", field, spec.endpoint, join(known, ", ")), field);
    }
    options.set_json(option->key, value);
  }
  return options;
}

RunOptions query_options(const std::string& command, const std::multimap<std::string, std::string>& query) {
  const CommandSpec& spec = command_spec(command);
  RunOptions options(spec);
  options.set_text("output.format", "json");
  for (const auto& [field, value] : query) {
    const OptionSpec* option = find_command_option(spec, field);
    if (!option || !option->offered_on(kHttp))
      throw RequestError(400, "invalid_query",
                         fmt::format("{}: unknown query field (the fields of {} are {})", field, spec.endpoint,
                                     join(http_fields(spec), ", ")),
                         field);
    if (query.count(field) > 1)
      throw RequestError(400, "invalid_query", field + ": given more than once", field);
    if (option->type == OptionType::Flag) options.set_flag(option->key, value == "1" || value == "true");
    else options.set_text(option->key, value);
  }
  return options;
}

bool charts(const RunOptions& options) { return options.flag("output.charts"); }

// The sheet's charts for the dashboard: what the HTML report draws for the
// same run (bands on the series, the attribution's waterfall when asked).
void add_sheet_charts(Json& out, const ReportRun& run) {
  const Model& model = run.snapshot->model;
  const BalanceSheet& sheet = *run.sheet;
  SourceCatalog catalog(run.snapshot->source, model);
  auto& figures = out["charts"] = Json::object();
  if (const YearSheet* entry = sheet.find_year(run.shown_year); entry && entry->has_ties()) {
    figures["shares"] = chart_json(shares_chart(model, *entry, catalog));
    figures["roles"] = chart_json(role_map(model, *entry, catalog));
  }
  figures["series"] = chart_json(series_chart(model, sheet, catalog, run.bands ? &*run.bands : nullptr));
  if (auto chart = alignment_chart(model, sheet, catalog)) figures["alignment"] = chart_json(*chart);
  if (run.explained) figures["explain"] = chart_json(attribution_chart(*run.explained));
}

// Multiplies `partner`'s flows in `domain` by `factor`, and the domain's world
// total (when given) by the same amount, so the rest stays as it was.
void scale_partner(Model& model, const nlohmann::json& entry, size_t index) {
  const std::string where = fmt::format("scale[{}]", index);
  if (!entry.is_object()) reject(where + ": expected {\"domain\", \"partner\", \"factor\"}", where);
  for (const auto& [key, value] : entry.items())
    if (key != "domain" && key != "partner" && key != "factor") reject(fmt::format("{}.{}: unknown field", where, key), where + "." + key);
  auto text = [&](const char* key) {
    if (!entry.contains(key) || !entry[key].is_string()) reject(fmt::format("{}.{}: expected a string", where, key), where + "." + key);
    return entry[key].get<std::string>();
  };
  const std::string domain = text("domain"), partner = text("partner");
  if (!entry.contains("factor") || !entry["factor"].is_number())
    reject(where + ".factor: expected a number", where + ".factor");
  const double factor = entry["factor"].get<double>();
  if (!model.find_domain(domain)) reject(fmt::format("{}.domain: unknown domain '{}'", where, domain), where + ".domain");
  if (!(factor >= 0 && factor <= kMaxScaleFactor))
    reject(fmt::format("{}.factor = {}: must be a number in [0, {}]", where, factor, kMaxScaleFactor), where + ".factor");
  if (partner == kWorldCode) reject(where + ".partner: the world total cannot be scaled", where + ".partner");
  std::map<int, double> change;  // year -> change of the partner's value
  for (auto& tie : model.ties)
    if (tie.domain == domain && tie.partner == partner) {
      change[tie.year] += tie.value * (factor - 1);
      tie.value *= factor;
    }
  if (change.empty())
    reject(fmt::format("{}.partner: '{}' has no flows in domain '{}'", where, partner, domain), where + ".partner");
  for (auto& tie : model.ties)
    if (tie.domain == domain && tie.partner == kWorldCode && change.count(tie.year))
      tie.value = std::max(0.0, tie.value + change[tie.year]);
}

// The body's named scenario (a name: the server reads no file a request names).
std::optional<ItemText> named_scenario(const RunOptions& options, const std::string& key, const ModelSnapshot& snapshot) {
  const std::string name = options.text(key);
  if (name.empty()) return std::nullopt;
  return resolve_item(ItemKind::Scenario, name, &snapshot.source, key, false);
}

// Text of a response: bytes that are not UTF-8 (echoed from a request or a model file)
// become U+FFFD instead of making dump() throw.
template <typename AnyJson>
std::string response_text(const AnyJson& json) {
  return json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

ApiResponse ok(Json document) { return {200, response_text(document)}; }

// Sizes a request must keep to, whichever front end built it (the web server bounds them too).
void check_request_size(const ApiRequest& request) {
  if (request.body.size() > ServeOptions::kMaxBody)
    throw RequestError(413, "payload_too_large",
                       fmt::format("request body above the limit of {} bytes", ServeOptions::kMaxBody));
  if (request.query.size() > ServeOptions::kMaxQueryFields)
    throw RequestError(400, "limit_exceeded",
                       fmt::format("the query has more fields than the limit of {}", ServeOptions::kMaxQueryFields));
  for (const auto& [field, value] : request.query)
    if (field.size() > ServeOptions::kMaxQueryValue || value.size() > ServeOptions::kMaxQueryValue)
      throw RequestError(400, "limit_exceeded",
                         fmt::format("a query field or value is longer than the limit of {} bytes",
                                     ServeOptions::kMaxQueryValue));
}

// Holds one of the server's `max_heavy` run slots while it lives; none free: 503 busy.
class HeavySlot {
 public:
  HeavySlot(std::atomic<long>& running, long max) : running_(running) {
    if (running_.fetch_add(1) >= max) {
      running_.fetch_sub(1);
      throw RequestError(503, "busy",
                         fmt::format("the server is running {} requests already, its limit; try again shortly", max));
    }
  }
  ~HeavySlot() { running_.fetch_sub(1); }
  HeavySlot(const HeavySlot&) = delete;
  HeavySlot& operator=(const HeavySlot&) = delete;

 private:
  std::atomic<long>& running_;
};

}  // namespace

ApiService::ApiService(std::shared_ptr<const ModelSnapshot> snapshot, const ServeOptions& options)
    : snapshot_(std::move(snapshot)), options_(options) {}

ApiResponse ApiService::error(int status, const std::string& kind, const std::string& message,
                              const std::string& field) {
  nlohmann::json body{{"kind", kind}, {"message", message}};
  if (!field.empty()) body["field"] = field;
  return {status, response_text(nlohmann::json{{"error", body}})};
}

ApiResponse ApiService::handle(const ApiRequest& request) const {
  try {
    check_request_size(request);
    const std::string& path = request.path;
    const bool get = request.method == "GET", post = request.method == "POST";
    if (path == "/api/meta" && get) return meta();
    if (path == "/api/options" && get) return options_document();
    if (path == "/api/report" && get) return report(request);
    if (path == "/api/report" && post) return what_if(request);
    if (path == "/api/shock" && post) return shock(request);
    if (path == "/api/risk" && post) return risk(request);
    if (path == "/api/simulate" && post) return simulation(request);
    for (const char* known : {"/api/meta", "/api/options", "/api/report", "/api/shock", "/api/risk", "/api/simulate"})
      if (path == known) return error(405, "method_not_allowed", request.method + " " + path + ": not allowed here");
    return error(404, "not_found", request.method + " " + path + ": no such resource");
  } catch (const RequestError& failure) {
    return error(failure.status(), failure.kind(), failure.what(), failure.field());
  } catch (const OptionError& failure) {
    const OptionSpec* spec = find_option(failure.key());
    const std::string field = spec ? field_spelling(*spec) : failure.key();
    return error(422, "invalid_input", failure.message_for(field), field);
  } catch (const Cancelled& cancelled) {
    if (cancelled.reason() == Cancelled::Reason::TimeLimit)
      return error(503, "time_limit",
                   fmt::format("the request needs more than the server's limit of {} ms; ask for less work",
                               options_.timeout_ms));
    return error(503, "cancelled", "the request was cancelled");
  } catch (const Error& failure) {
    if (failure.kind() == ErrorKind::Internal) return error(500, "internal", failure.what());
    return error(422, to_string(failure.kind()), failure.what(), failure.where().field);
  } catch (const std::exception& failure) {
    return error(500, "internal", failure.what());
  }
}

template <typename Compute>
ApiResponse ApiService::cached(const std::string& key, Compute&& compute) const {
  {
    std::lock_guard lock(cache_mutex_);
    if (auto found = cache_.find(key); found != cache_.end()) return {200, found->second};
  }
  ApiResponse response;
  {
    HeavySlot slot(heavy_running_, options_.max_heavy);
    response = compute();
  }
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
  const ModelSnapshot& snapshot = *snapshot_;
  const Model& model = snapshot.model;
  Json out;
  out["model"] = model.origin;
  out["name"] = model.name;
  out["focal"] = model.focal;
  out["default_year"] = default_report_year(snapshot);
  out["years"] = Json::array();
  out["published_years"] = Json::array();
  for (const auto& year : snapshot.sheet.years) {
    if (year.has_ties()) out["years"].push_back(year.year);
    if (year.published) out["published_years"].push_back(year.year);
  }
  // What a request may name: the model's own scenarios by name, the shipped ones as builtin:NAME.
  auto& scenarios = out["scenarios"] = Json::array();
  if (!snapshot.network.empty()) {
    const ItemNames names = item_names(ItemKind::Scenario, &snapshot.source);
    for (const auto& name : names.model) scenarios.push_back(name);
    for (const auto& name : names.builtin) scenarios.push_back("builtin:" + name);
  }
  auto& policies = out["policies"] = Json::array();
  const ItemNames policy_names = item_names(ItemKind::Policy, &snapshot.source);
  for (const auto& name : policy_names.model) policies.push_back(name);
  for (const auto& name : policy_names.builtin) policies.push_back("builtin:" + name);
  // Partners of each domain with their latest flow, largest first: the what-if control's choices.
  auto& domains = out["domains"] = Json::array();
  for (const auto& domain : model.domains) {
    std::map<std::string, double> latest;
    std::map<std::string, int> latest_year;
    for (const auto& tie : model.ties)
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
  auto& edges = out["edges"] = Json::array();
  for (const auto& edge : snapshot.network.edges) edges.push_back({{"id", edge.id}, {"label", edge.label()}});
  return ok(out);
}

ApiResponse ApiService::options_document() const {
  Json out = options_json();
  // The server's own limits on what a request may ask, beside the registry's.
  out["limits"] = {{"risk.draws", {{"max", options_.max_draws}}},
                   {"report.sensitivity", {{"max", options_.max_sensitivity}}},
                   {"risk.sensitivity", {{"max", options_.max_sensitivity}, {"max_times_draws", options_.max_draws}}},
                   {"what_if.scale.factor", {{"min", 0}, {"max", kMaxScaleFactor}}},
                   {"timeout_ms", options_.timeout_ms}};
  return ok(out);
}

void ApiService::check_sensitivity(const RunOptions& options) const {
  if (const long draws = options.integer("report.sensitivity"); draws > options_.max_sensitivity)
    fail_option("report.sensitivity", std::to_string(draws),
                fmt::format("is above this server's limit of {} draws per request", options_.max_sensitivity));
}

ApiResponse ApiService::report(const ApiRequest& request) const {
  RunOptions options = query_options("report", request.query);
  check_sensitivity(options);
  std::string key = "report";
  for (const auto& [field, value] : request.query) key += " " + field + "=" + value;
  return cached(key, [&] {
    Pipeline pipeline(options, request.cancel);
    pipeline.use_model(snapshot_);
    const ReportRun run = run_report(pipeline);
    Json out = document(pipeline.summary(), report_run_json(run));
    if (charts(options)) add_sheet_charts(out, run);
    return ok(out);
  });
}

ApiResponse ApiService::what_if(const ApiRequest& request) const {
  const nlohmann::json body = parse_body(request.body, options_.json);
  RunOptions options = body_options("report", body, {"scale"});
  check_sensitivity(options);
  return cached("what_if " + body.dump(), [&] {
    // A changed copy of the model, measured again; the rest of the snapshot is shared.
    auto changed = std::make_shared<ModelSnapshot>(*snapshot_);
    if (body.contains("scale")) {
      if (!body["scale"].is_array()) reject("scale: expected an array of {\"domain\", \"partner\", \"factor\"}", "scale");
      for (size_t i = 0; i < body["scale"].size(); ++i) scale_partner(changed->model, body["scale"][i], i);
    }
    changed->sheet = measure_balance(changed->model);
    Pipeline pipeline(options, request.cancel);
    pipeline.use_model(changed);
    const ReportRun run = run_report(pipeline);
    Json out = document(pipeline.summary(), report_run_json(run));
    if (charts(options)) add_sheet_charts(out, run);
    return ok(out);
  });
}

ApiResponse ApiService::shock(const ApiRequest& request) const {
  const nlohmann::json body = parse_body(request.body, options_.json);
  RunOptions options = body_options("shock", body, {"close", "edges", "shocks"});
  const bool what_if = has_what_if(body);
  if (!what_if && !options.given("shock.scenario"))
    reject("give a scenario (GET /api/meta lists them) or what-if entries (close, edges, shocks)", "scenario");
  return cached("shock " + body.dump(), [&] {
    Pipeline pipeline(options, request.cancel);
    pipeline.use_model(snapshot_);
    const ModelSnapshot& snapshot = *snapshot_;
    const ShockRun run = what_if ? run_shock(pipeline, what_if_scenario(body, named_scenario(options, "shock.scenario", snapshot), snapshot))
                                 : run_shock(pipeline, false);
    Json out = document(pipeline.summary(), shock_json(run));
    if (charts(options)) {
      SourceCatalog catalog(snapshot.source, snapshot.model);
      out["charts"]["map-baseline"] =
          chart_json(corridor_chart(snapshot.network, run.outcome.baseline, {}, "baseline", run.scenario->name, catalog));
      out["charts"]["map-shocked"] = chart_json(corridor_chart(snapshot.network, run.outcome.shocked,
                                                               run.outcome.capacity_factor, "shocked",
                                                               run.scenario->name, catalog));
    }
    return ok(out);
  });
}

ApiResponse ApiService::risk(const ApiRequest& request) const {
  const nlohmann::json body = parse_body(request.body, options_.json);
  RunOptions options = body_options("risk", body, {"close", "edges", "shocks"});
  if (const long draws = options.integer("risk.draws"); draws > options_.max_draws)
    fail_option("risk.draws", std::to_string(draws),
                fmt::format("is above this server's limit of {} draws per request", options_.max_draws));
  // An envelope runs the Monte Carlo once per parameter draw: the limit is on the product.
  if (const long points = options.integer("risk.sensitivity"); points > options_.max_sensitivity)
    fail_option("risk.sensitivity", std::to_string(points),
                fmt::format("is above this server's limit of {} draws per request", options_.max_sensitivity));
  else if (points > 0 && options.integer("risk.draws") > options_.max_draws / points)
    fail_option("risk.sensitivity", std::to_string(points),
                fmt::format("times draws ({}) is above this server's limit of {} Monte Carlo draws per request",
                            options.integer("risk.draws"), options_.max_draws));
  return cached("risk " + body.dump(), [&] {
    Pipeline pipeline(options, request.cancel);
    pipeline.use_model(snapshot_);
    const ModelSnapshot& snapshot = *snapshot_;
    // One run serves the document (the asked levels) and the chart (its quantile grid).
    const std::vector<double> grid = charts(options) ? distribution_grid_levels() : std::vector<double>{};
    const RiskRun run =
        has_what_if(body)
            ? run_risk(pipeline, what_if_scenario(body, named_scenario(options, "risk.scenario", snapshot), snapshot), grid)
            : run_risk(pipeline, grid, false);
    Json out = document(pipeline.summary(), risk_json(run));
    if (charts(options)) out["charts"]["loss"] = chart_json(loss_chart(run.result, run.scenario->name, run.options));
    return ok(out);
  });
}

ApiResponse ApiService::simulation(const ApiRequest& request) const {
  const nlohmann::json body = parse_body(request.body, options_.json);
  RunOptions options = body_options("simulate", body);
  return cached("simulate " + body.dump(), [&] {
    Pipeline pipeline(options, request.cancel);
    pipeline.use_model(snapshot_);
    const SimulateRun run = run_simulate(pipeline, false);
    return ok(document(pipeline.summary(), simulate_json(run)));
  });
}

}  // namespace tengerim
