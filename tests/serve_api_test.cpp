// The web API against a server started in-process on a free loopback port:
// the same documents as the CLI, and the right 4xx (with a JSON message) for
// malformed, oversized or unknown requests.
#include <gtest/gtest.h>
#include <httplib.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "TestSupport.h"
#include "common/Error.h"
#include "model/ModelSource.h"
#include "run/Pipeline.h"
#include "serve/ApiService.h"
#include "serve/WebServer.h"

namespace tengerim {
namespace {

using nlohmann::json;

class ServeApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    options_ = new ServeOptions();
    options_->port = 0;
    options_->max_draws = 50000;
    api_ = new ApiService(Pipeline::load_snapshot("builtin:kaz"), *options_);
    server_ = new WebServer(*api_, *options_);
    port_ = server_->bind();
    thread_ = new std::thread([] { server_->run(); });
    httplib::Client client("127.0.0.1", port_);
    for (int i = 0; i < 200 && !client.Get("/api/meta"); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  static void TearDownTestSuite() {
    server_->stop();
    thread_->join();
    delete thread_;
    delete server_;
    delete api_;
    delete options_;
  }
  static httplib::Result get(const std::string& path) { return httplib::Client("127.0.0.1", port_).Get(path); }
  static httplib::Result post(const std::string& path, const std::string& body) {
    return httplib::Client("127.0.0.1", port_).Post(path, body, "application/json");
  }
  static json cli(const std::vector<std::string>& arguments) {
    auto result = testing::run_tengerim(arguments);
    EXPECT_EQ(result.exit_code, 0) << result.err;
    return json::parse(result.out);
  }
  static void expect_error(const httplib::Result& result, int status, const std::string& kind,
                           const std::string& message_part) {
    ASSERT_TRUE(result);
    EXPECT_EQ(result->status, status) << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json");
    json body = json::parse(result->body);
    EXPECT_EQ(body["error"]["kind"], kind);
    EXPECT_NE(body["error"]["message"].get<std::string>().find(message_part), std::string::npos) << result->body;
  }

  static inline ServeOptions* options_ = nullptr;
  static inline ApiService* api_ = nullptr;
  static inline WebServer* server_ = nullptr;
  static inline std::thread* thread_ = nullptr;
  static inline int port_ = 0;
};

TEST_F(ServeApi, ReportIsTheCliDocument) {
  auto result = get("/api/report?year=2023");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200);
  EXPECT_EQ(json::parse(result->body), cli({"report", "--format", "json", "--year", "2023"}));
  auto all = get("/api/report");
  ASSERT_TRUE(all);
  EXPECT_EQ(json::parse(all->body), cli({"report", "--format", "json"}));
}

TEST_F(ServeApi, ShockIsTheCliDocument) {
  auto result = post("/api/shock", R"({"scenario": "cpc-halt"})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(json::parse(result->body), cli({"shock", "--scenario", "cpc-halt", "--format", "json"}));
}

TEST_F(ServeApi, RiskIsTheCliDocument) {
  auto result = post("/api/risk", R"({"scenario": "default", "draws": 3000, "seed": 7, "level": [0.9, 0.99]})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(json::parse(result->body), cli({"risk", "--scenario", "default", "--draws", "3000", "--seed", "7",
                                            "--level", "0.9", "--level", "0.99", "--format", "json"}));
}

TEST_F(ServeApi, SimulateIsTheCliDocument) {
  auto result = post("/api/simulate", R"({"policy": "tilt-east", "horizon": 5})");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->status, 200) << result->body;
  EXPECT_EQ(json::parse(result->body), cli({"simulate", "--policy", "tilt-east", "--horizon", "5", "--format", "json"}));
}

TEST_F(ServeApi, SimulateTakesOnlyBuiltinPolicyNames) {
  expect_error(post("/api/simulate", R"({"policy": "../../etc/passwd"})"), 422, "invalid_input", "files are not read here");
  expect_error(post("/api/simulate", R"({"policy": "tilt-east", "horizon": 0})"), 422, "invalid_input", "horizon = 0");
}

TEST_F(ServeApi, ClosingARouteEqualsTheSameClosureInAScenarioFile) {
  auto dir = testing::make_temp_dir("serve-close");
  testing::write_text(dir + "/close.toml", "name = \"close\"\n[[edges]]\nedge = \"atyrau-samara\"\nfactor = 0.0\n");
  auto result = post("/api/shock", R"({"close": ["atyrau-samara"]})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  json api = json::parse(result->body), file = cli({"shock", "--scenario", dir + "/close.toml", "--format", "json"});
  EXPECT_EQ(api["loss"], file["loss"]);
  EXPECT_EQ(api["edges"], file["edges"]);
}

TEST_F(ServeApi, ScalingAPartnerMovesItsShareAsComputedByHand) {
  json before = json::parse(get("/api/report?year=2023")->body);
  auto result = post("/api/report", R"({"year": 2023, "scale": [{"domain": "exports", "partner": "CHN", "factor": 2}]})");
  ASSERT_TRUE(result);
  ASSERT_EQ(result->status, 200) << result->body;
  json after = json::parse(result->body);
  auto find = [](const json& doc, const std::string& partner) {
    for (const auto& domain : doc["years"][0]["domains"])
      if (domain["id"] == "exports")
        for (const auto& entry : domain["top_partners"])
          if (entry["partner"] == partner) return std::pair<double, double>(entry["value"], domain["total"]);
    return std::pair<double, double>(0, 0);
  };
  auto [value, total] = find(before, "CHN");
  ASSERT_GT(value, 0);
  // Doubling v with the world total T raised by v: the share becomes 2v / (T + v).
  auto [new_value, new_total] = find(after, "CHN");
  EXPECT_DOUBLE_EQ(new_value, 2 * value);
  EXPECT_DOUBLE_EQ(new_total, total + value);
}

TEST_F(ServeApi, HttpLayerRefusalsAreJson) {
  // The API's own refusals are behaviour cases (tests/cases/http); these are the web server's.
  expect_error(post("/api/shock", std::string(ServeOptions::kMaxBody + 1, ' ')), 413, "payload_too_large", "1048576");
  expect_error(get("/api/nothing"), 404, "not_found", "/api/nothing");
  expect_error(get("/nothing"), 404, "not_found", "/nothing");
  expect_error(get("/assets/..%2F..%2FREADME.md"), 404, "not_found", "README");
  expect_error(get("/assets/secret.txt"), 404, "not_found", "no such asset");
}

TEST_F(ServeApi, ServesTheBuiltInDashboard) {
  auto page = get("/");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("/assets/app.js"), std::string::npos);
  auto script = get("/assets/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
}

TEST(ServeLimits, MonteCarloStopsAtTheTimeLimit) {
  ServeOptions options;
  options.timeout_ms = 1;
  options.max_draws = 2000000;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  CancelToken cancel;
  cancel.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(1));
  ApiResponse response = api.handle({"POST", "/api/risk", {}, R"({"draws": 2000000})", &cancel});
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(json::parse(response.body)["error"]["kind"], "time_limit");
}

TEST(ServeLimits, ARunWhoseClientHasGoneStops) {
  ServeOptions options;
  options.max_draws = 2000000;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  CancelToken cancel;
  cancel.set_probe([] { return true; });  // the client has gone
  ApiResponse response = api.handle({"POST", "/api/risk", {}, R"({"draws": 2000000})", &cancel});
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(json::parse(response.body)["error"]["kind"], "cancelled");
}

TEST(ServeLimits, AMillionNestedArraysAreRefusedNotParsed) {
  // Parsed, this body was fine for nlohmann's parser but overflowed the stack in dump() (a segfault).
  ServeOptions options;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  const size_t depth = 500000;
  const std::string body = "{\"scale\": " + std::string(depth, '[') + std::string(depth, ']') + "}";
  ASSERT_LT(body.size(), ServeOptions::kMaxBody);
  ApiResponse response = api.handle({"POST", "/api/report", {}, body, nullptr});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(json::parse(response.body)["error"]["kind"], "limit_exceeded");
}

TEST(ServeLimits, ABodyThatIsNotUtf8IsRefusedAsJson) {
  // The parser's message quotes the bytes; dumping it threw, and the server answered 500.
  ServeOptions options;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  ApiResponse response = api.handle({"POST", "/api/shock", {}, "{\"scenario\": \"\xff\xfe\xc0\"}", nullptr});
  EXPECT_EQ(response.status, 400) << response.body;
  EXPECT_EQ(json::parse(response.body)["error"]["kind"], "invalid_json");
}

TEST(ServeLimits, BusyWhenEveryRunSlotIsTaken) {
  ServeOptions options;
  options.max_heavy = 1;
  ApiService api(Pipeline::load_snapshot("builtin:kaz"), options);
  // While the first run holds the only slot, its cancel probe asks for a second run (not cached).
  std::vector<ApiResponse> inner;
  CancelToken cancel;
  cancel.set_probe([&] {
    if (inner.empty()) inner.push_back(api.handle({"POST", "/api/risk", {}, R"({"draws": 1001})", nullptr}));
    return false;
  });
  ApiResponse outer = api.handle({"POST", "/api/risk", {}, R"({"draws": 1000})", &cancel});
  EXPECT_EQ(outer.status, 200) << outer.body;
  ASSERT_EQ(inner.size(), 1u);
  EXPECT_EQ(inner[0].status, 503);
  EXPECT_EQ(json::parse(inner[0].body)["error"]["kind"], "busy");
  // The slot is free again afterwards.
  EXPECT_EQ(api.handle({"POST", "/api/risk", {}, R"({"draws": 1001})", nullptr}).status, 200);
}

}  // namespace
}  // namespace tengerim
