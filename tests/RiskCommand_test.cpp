// `tengerim shock` and `tengerim risk` end to end: capacities, determinism
// across thread counts, a closed-form VaR/CVaR, and scenario errors (exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::make_temp_dir;
using testing::run_tengerim;
using testing::source_path;
using testing::write_text;

// tests/models/small: in 2021 exports are CHN 40, RUS 20, USA 40 (east share 0.4),
// exports weight 0.6 and substitutability 0.6.
std::string small_model() { return source_path("tests/models/small"); }

std::string scenario_file(const std::string& name, const std::string& text) {
  std::string dir = make_temp_dir("risk-" + name);
  std::string path = dir + "/" + name + ".toml";
  write_text(path, text);
  return path;
}

const char* kEastExports = R"(name = "east-exports"
[[shocks]]
id = "east"
direction = "east"
domain = "exports"
cut = 1.0
probability = 1.0
severity = { alpha = 1, beta = 1 }
)";

TEST(RiskCommand, ClosedFormVarAndCvarOfAUniformSeverity) {
  // Loss = w * S * (1 - sigma) * U = 0.6 * 0.4 * 0.4 * U = 0.096 U with U ~ Uniform(0, 1):
  // VaR_0.95 = 0.096 * 0.95, CVaR_0.95 = 0.096 * 0.975, mean 0.048, all of it from "east".
  auto result = run_tengerim({"risk", small_model(), "--scenario", scenario_file("uniform", kEastExports),
                              "--draws", "100000", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  EXPECT_NEAR(json["mean_loss"].get<double>(), 0.048, 4 * json["stderr"]["mean_loss"].get<double>());
  EXPECT_NEAR(json["var"]["0.95"].get<double>(), 0.096 * 0.95, 0.0005);
  EXPECT_NEAR(json["cvar"]["0.95"].get<double>(), 0.096 * 0.975, 0.0005);
  EXPECT_NEAR(json["contributions"]["east"]["cvar"]["0.95"].get<double>(), json["cvar"]["0.95"].get<double>(), 1e-12);
  EXPECT_EQ(json["contributions"]["west"]["mean"].get<double>(), 0.0);
  EXPECT_EQ(json["draws"], 100000);
  EXPECT_TRUE(json.contains("seed"));
}

TEST(RiskCommand, SameSeedSameJsonForOneAndTwoThreads) {
  auto one = run_tengerim({"risk", "--draws", "20000", "--seed", "99", "--threads", "1", "--format", "json"});
  auto two = run_tengerim({"risk", "--draws", "20000", "--seed", "99", "--threads", "2", "--format", "json"});
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  auto json = nlohmann::json::parse(one.out);
  EXPECT_EQ(json["seed"], 99);
  EXPECT_GT(json["mean_loss"].get<double>(), 0);
  EXPECT_GE(json["cvar"]["0.99"].get<double>(), json["var"]["0.99"].get<double>());
  auto other = run_tengerim({"risk", "--draws", "20000", "--seed", "100", "--format", "json"});
  EXPECT_NE(one.out, other.out);
}

TEST(ShockCommand, CpcHaltKeepsFlowsWithinCapacityAndStrandsOil) {
  auto result = run_tengerim({"shock", "--scenario", "cpc-halt", "--format", "json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  for (const auto& edge : json["edges"]) {
    double capacity = edge["capacity"].get<double>();
    EXPECT_LE(edge["baseline"].get<double>(), capacity + 1e-9);
    EXPECT_LE(edge["shocked"].get<double>(), capacity * edge["capacity_factor"].get<double>() + 1e-9);
    if (edge["from"] == "tengiz" && edge["to"] == "novorossiysk") {
      EXPECT_EQ(edge["shocked"].get<double>(), 0.0);
    }
  }
  // With CPC shut, the CPC shippers can only reach Atyrau over a 5 Mt/yr link (judgement):
  // at least 55.56 - 5 of their 55.56 Mt/yr is stranded.
  EXPECT_GE(json["stranded"]["oil"].get<double>(), 55.56 - 5 - 1e-6);
  EXPECT_GT(json["loss"]["total"].get<double>(), 0);
}

void expect_scenario_error(const std::string& name, const std::string& text, const std::string& message) {
  auto result = run_tengerim({"risk", "--scenario", scenario_file(name, text), "--draws", "100"});
  EXPECT_EQ(result.exit_code, 2) << name << ": " << result.err;
  EXPECT_NE(result.err.find(message), std::string::npos) << result.err;
}

TEST(RiskCommand, BadScenariosFailWithExitTwo) {
  std::string shock = "name = \"bad\"\n[[shocks]]\nid = \"s\"\ndomain = \"exports\"\ncut = 0.5\n";
  expect_scenario_error("direction", shock + "direction = \"north\"\nprobability = 0.1\n", "unknown direction 'north'");
  expect_scenario_error("probability", shock + "direction = \"east\"\nprobability = 1.5\n", "probability must be in [0, 1]");
  expect_scenario_error("beta", shock + "direction = \"east\"\nprobability = 0.1\nseverity = { alpha = 0, beta = 2 }\n",
                        "alpha > 0");
  expect_scenario_error("beta-negative",
                        shock + "direction = \"east\"\nprobability = 0.1\nseverity = { alpha = 1, beta = -2 }\n",
                        "beta > 0");
  expect_scenario_error("node", "name = \"bad\"\n[[edges]]\nfrom = \"atlantis\"\nto = \"aktau\"\nfactor = 0\n",
                        "unknown node 'atlantis'");
  expect_scenario_error("key", shock + "direction = \"east\"\nprobability = 0.1\ncolour = \"red\"\n", "unknown key");
  expect_scenario_error("gamma",
                        shock + "direction = \"east\"\nprobability = 0.1\n[[coupling]]\nfrom = \"exports\"\nto = \"imports\"\n"
                                "value = 1.0\n[[coupling]]\nfrom = \"imports\"\nto = \"exports\"\nvalue = 1.5\n",
                        "spectral radius");
  auto draws = run_tengerim({"risk", "--draws", "-5"});
  EXPECT_EQ(draws.exit_code, 2);
}

TEST(CorridorReader, UnknownNodeInEdgesIsAnInputError) {
  std::string dir = make_temp_dir("corridor-bad-node");
  for (const auto& entry : std::filesystem::directory_iterator(small_model()))
    std::filesystem::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
  write_text(dir + "/nodes.csv", "id,name,country,lat,lon,source\na,A,KAZ,45,60,s1\nb,B,CHN,45,80,s1\n");
  write_text(dir + "/edges.csv",
             "from,to,mode,commodity,capacity,unit,cost,controllers,source\na,c,rail,cargo,10,Mt/yr,1,KAZ,s1\n");
  write_text(dir + "/demand.csv", "commodity,origin,market,volume,source\ncargo,a,b,5,s1\n");
  auto result = run_tengerim({"shock", dir, "--scenario", scenario_file("any", kEastExports)});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find("edges.csv:2"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("unknown node 'c'"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace tengerim
