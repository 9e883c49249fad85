// Shocks that know who caused them (docs/risk.md, "Who caused a closure"): an
// actor's closure also cuts every edge the actor controls, checked against
// edges.csv read by another route, and never sends more flow through them.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <map>
#include <set>

#include "TestSupport.h"

namespace tengerim {
namespace {

using testing::make_temp_dir;
using testing::run_tengerim;
using testing::write_text;

std::string scenario(const std::string& name, const std::string& text) {
  const std::string path = make_temp_dir("actor-" + name) + "/" + name + ".toml";
  write_text(path, text);
  return path;
}

// Edge ids of the built-in network one of whose controllers (column 9,
// ';'-separated) is RUS, the only member of the russia direction that controls an edge.
std::set<std::string> russian_edges() {
  std::set<std::string> out;
  const auto lines = testing::split_lines(testing::read_text(testing::source_path("data/models/kaz/edges.csv")));
  for (size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells;
    std::string cell;
    for (char c : lines[i]) {
      if (c != ',') {
        cell += c;
        continue;
      }
      cells.push_back(cell);
      cell.clear();
    }
    cells.push_back(cell);
    if (cells.size() > 8 && (";" + cells[8] + ";").find(";RUS;") != std::string::npos) out.insert(cells[0]);
  }
  return out;
}

TEST(ShockActor, AnActorsClosureTakesEveryEdgeItControlsButTheExceptions) {
  const auto run = run_tengerim({"shock", "--format", "json", "--scenario",
                                 scenario("russian", "name = \"r\"\n[[edges]]\nedge = \"cpc\"\nfactor = 0\n"
                                                     "actor = \"russia\"\nexceptions = [\"northern-rail\"]\n")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  std::set<std::string> expected = russian_edges();
  ASSERT_TRUE(expected.count("atyrau-samara"));  // the route the accident-only halt reroutes through
  expected.erase("cpc");            // its own edge
  expected.erase("northern-rail");  // the exception
  const auto taken = json["closures"][0]["edges_taken"].get<std::vector<std::string>>();
  EXPECT_EQ(std::set<std::string>(taken.begin(), taken.end()), expected);
  // No flow moves onto an edge the actor controls.
  for (const auto& edge : json["edges"]) {
    if (!russian_edges().count(edge["id"].get<std::string>())) continue;
    EXPECT_LE(edge["shocked"].get<double>(), edge["baseline"].get<double>() + 1e-9) << edge["id"];
    const double expected_factor = edge["id"] == "northern-rail" ? 1.0 : 0.0;
    EXPECT_EQ(edge["capacity_factor"].get<double>(), expected_factor) << edge["id"];
  }
}

TEST(ShockActor, WithoutAnActorOnlyTheEdgeClosesAndOilReroutesThroughRussia) {
  const auto accident = run_tengerim({"shock", "--format", "json", "--scenario",
                                      scenario("storm", "name = \"s\"\n[[edges]]\nedge = \"cpc\"\nfactor = 0\n")});
  const auto russian = run_tengerim({"shock", "--format", "json", "--scenario",
                                     scenario("halt", "name = \"h\"\n[[edges]]\nedge = \"cpc\"\nfactor = 0\n"
                                                      "actor = \"russia\"\n")});
  ASSERT_EQ(accident.exit_code, 0) << accident.err;
  ASSERT_EQ(russian.exit_code, 0) << russian.err;
  const auto a = nlohmann::json::parse(accident.out), r = nlohmann::json::parse(russian.out);
  EXPECT_TRUE(a["closures"][0]["edges_taken"].empty());
  double through_samara = 0;
  for (const auto& edge : a["edges"])
    if (edge["id"] == "atyrau-samara") through_samara = edge["shocked"].get<double>() - edge["baseline"].get<double>();
  EXPECT_GT(through_samara, 0);  // the accident's oil goes round through Atyrau–Samara
  // The actor's halt strands more: its loss is larger.
  EXPECT_GT(r["loss"]["direct"]["oil_export_routes"].get<double>(), a["loss"]["direct"]["oil_export_routes"].get<double>());
}

TEST(ShockActor, RiskSaysWhichRuleEachShockFollowed) {
  const auto run = run_tengerim({"risk", "--format", "json", "--draws", "2000", "--scenario",
                                 scenario("mixed", "name = \"m\"\n[[edges]]\nid = \"halt\"\nedge = \"cpc\"\nfactor = 0\n"
                                                   "actor = \"russia\"\nprobability = 0.1\n"
                                                   "[[edges]]\nid = \"storm\"\nedge = \"cpc\"\nfactor = 0\nprobability = 0.1\n"
                                                   "[[shocks]]\nid = \"cut\"\ndirection = \"west\"\ndomain = \"exports\"\n"
                                                   "cut = 0.1\nprobability = 0.1\n")});
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto json = nlohmann::json::parse(run.out);
  ASSERT_EQ(json["shocks"].size(), 3u);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& shock : json["shocks"]) by_id[shock["id"].get<std::string>()] = shock;
  const auto& halt = by_id.at("halt");
  EXPECT_EQ(halt["cause"]["rule"], "actor");
  EXPECT_EQ(halt["cause"]["actor"], "russia");
  EXPECT_EQ(halt["direction"], "russia");  // charged to its actor
  EXPECT_EQ(halt["cause"]["edges"].size(), russian_edges().size());
  EXPECT_EQ(by_id.at("storm")["cause"]["rule"], "edge");
  EXPECT_EQ(by_id.at("storm")["cause"]["edges"], nlohmann::json::array({"cpc"}));
  EXPECT_EQ(by_id.at("cut")["cause"]["rule"], "flows");
  EXPECT_TRUE(by_id.at("cut")["cause"]["actor"].is_null());
}

}  // namespace
}  // namespace tengerim
